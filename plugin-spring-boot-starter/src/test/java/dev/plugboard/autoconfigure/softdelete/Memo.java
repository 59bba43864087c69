package dev.plugboard.autoconfigure.softdelete;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A memo, deleted softly.
 *
 * @param id the id, generated on insert
 * @param text the text
 * @param deletedAt when it was deleted, {@code null} while it is live
 */
public record Memo(@Id @Nullable Long id, String text, @Nullable Instant deletedAt) {

	Memo(String text) {
		this(null, text, null);
	}

}
