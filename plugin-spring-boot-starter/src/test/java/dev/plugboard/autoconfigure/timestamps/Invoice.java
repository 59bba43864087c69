package dev.plugboard.autoconfigure.timestamps;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A JavaBean entity with {@link OffsetDateTime} timestamps.
 */
public class Invoice {

	@Id
	private @Nullable Long id;

	private int amount;

	private @Nullable OffsetDateTime createdAt;

	private @Nullable OffsetDateTime updatedAt;

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public int getAmount() {
		return this.amount;
	}

	public void setAmount(int amount) {
		this.amount = amount;
	}

	public @Nullable OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(@Nullable OffsetDateTime createdAt) {
		this.createdAt = createdAt;
	}

	public @Nullable OffsetDateTime getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(@Nullable OffsetDateTime updatedAt) {
		this.updatedAt = updatedAt;
	}

}
