package dev.plugboard.autoconfigure.tenantscope;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A project owned by one tenant.
 *
 * @param id the id, generated on insert
 * @param name the name
 * @param tenantId the tenant, stamped by the plugin
 */
public record Project(@Id @Nullable Long id, String name, @Nullable String tenantId) {

}
