package dev.plugboard.autoconfigure.data;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An immutable entity with a generated id: Spring Data JDBC returns a new instance from
 * save.
 *
 * @param id the id, generated on insert
 * @param text the text
 * @param slug a URL-safe form of the text, filled in by a before-write hook
 */
public record Note(@Id @Nullable Long id, String text, @Nullable String slug) {

	public Note(String text) {
		this(null, text, null);
	}

}
