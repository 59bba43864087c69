package dev.plugboard.autoconfigure.tenantscope;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An entity shared by every tenant: it has no tenant property.
 *
 * @param id the id, generated on insert
 * @param name the name
 */
public record Label(@Id @Nullable Long id, String name) {

}
