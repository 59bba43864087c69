package dev.plugboard.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A review of a product, stored in the {@code reviews} table and deleted softly by the
 * {@code soft-delete} built-in.
 *
 * @param id the generated id, {@code null} until saved
 * @param product the product reviewed
 * @param text what the reviewer wrote
 * @param deletedAt when the review was deleted, {@code null} while it is shown
 */
@Table("reviews")
public record Review(@Id @Nullable Long id, String product, String text, @Nullable Instant deletedAt) {

	@PersistenceCreator
	public Review {
	}

	/**
	 * A review as a client describes it.
	 * @param product the product reviewed
	 * @param text what the reviewer wrote
	 */
	public Review(String product, String text) {
		this(null, product, text, null);
	}

}
