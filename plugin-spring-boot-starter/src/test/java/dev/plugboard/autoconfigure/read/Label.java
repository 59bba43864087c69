package dev.plugboard.autoconfigure.read;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A tenant's label: an aggregate the read plugins are not listed for.
 *
 * @param id the id
 * @param tenant the tenant
 * @param name the name
 */
public record Label(@Id @Nullable Long id, String tenant, String name) implements Tenanted {

}
