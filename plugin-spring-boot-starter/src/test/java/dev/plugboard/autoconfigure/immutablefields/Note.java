package dev.plugboard.autoconfigure.immutablefields;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An entity the plugin does not configure.
 *
 * @param id the id, generated on insert
 * @param body the text
 */
public record Note(@Id @Nullable Long id, String body) {

}
