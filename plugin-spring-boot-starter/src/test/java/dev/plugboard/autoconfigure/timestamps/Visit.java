package dev.plugboard.autoconfigure.timestamps;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A record entity with {@link LocalDateTime} timestamps.
 *
 * @param id the id, generated on insert
 * @param page the page visited
 * @param createdAt when it was inserted, in the clock's zone
 * @param updatedAt when it was last written, in the clock's zone
 */
public record Visit(@Id @Nullable Long id, String page, @Nullable LocalDateTime createdAt,
		@Nullable LocalDateTime updatedAt) {

}
