package dev.plugboard.autoconfigure.timestamps;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A record entity without timestamps, which the plugin leaves alone.
 *
 * @param id the id, generated on insert
 * @param name the name
 */
public record Tag(@Id @Nullable Long id, String name) {

}
