package dev.plugboard.autoconfigure.slugify;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A record entity whose slug configuration names a column its table lacks.
 *
 * @param id the id, generated on insert
 * @param name the name
 * @param slug the slug
 */
public record Gadget(@Id @Nullable Long id, String name, @Nullable String slug) {

}
