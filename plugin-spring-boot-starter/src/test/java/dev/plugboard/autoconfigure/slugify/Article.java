package dev.plugboard.autoconfigure.slugify;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A record entity whose slug comes from its title on INSERT.
 *
 * @param id the id, generated on insert
 * @param title the title
 * @param slug the slug, unique in the table
 */
public record Article(@Id @Nullable Long id, @Nullable String title, @Nullable String slug) {

	Article(@Nullable String title) {
		this(null, title, null);
	}

}
