package dev.plugboard.autoconfigure.softdelete;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An entity without a deleted-at property: deleted for real.
 *
 * @param id the id, generated on insert
 * @param name the name
 */
public record Sticker(@Id @Nullable Long id, String name) {

}
