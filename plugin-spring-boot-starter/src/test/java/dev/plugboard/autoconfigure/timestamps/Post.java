package dev.plugboard.autoconfigure.timestamps;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A record entity with {@link Instant} timestamps.
 *
 * @param id the id, generated on insert
 * @param title the title
 * @param createdAt when it was inserted
 * @param updatedAt when it was last written
 */
public record Post(@Id @Nullable Long id, String title, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

	Post(String title) {
		this(null, title, null, null);
	}

}
