package dev.plugboard.autoconfigure.data;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A mutable entity with a generated id.
 */
public class Ticket {

	@Id
	private @Nullable Long id;

	private String title;

	private @Nullable String status;

	public Ticket() {
		this.title = "";
	}

	public Ticket(String title) {
		this.title = title;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public @Nullable String getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable String status) {
		this.status = status;
	}

}
