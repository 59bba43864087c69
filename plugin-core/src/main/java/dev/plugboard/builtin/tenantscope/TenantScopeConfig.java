package dev.plugboard.builtin.tenantscope;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link TenantScopePlugin}.
 *
 * @param field the entity property that holds the tenant, such as {@code tenantId}
 * @param aggregates the aggregates that are scoped; empty scopes every aggregate whose
 * entity has the field
 * @param adminRole a role whose requests without a tenant see and write every tenant's
 * rows, or {@code null} for none
 * @since 0.1.0
 */
public record TenantScopeConfig(String field, Set<String> aggregates, @Nullable String adminRole) {

	/** The default tenant property. */
	public static final String DEFAULT_FIELD = "tenantId";

	/**
	 * Check the names and copy the set.
	 * @throws PluginConfigurationException when the field is not a Java property name or
	 * the admin role is blank
	 */
	public TenantScopeConfig {
		if (field == null || field.isEmpty() || !Character.isJavaIdentifierStart(field.charAt(0))
				|| !field.codePoints().allMatch(Character::isJavaIdentifierPart)) {
			throw new PluginConfigurationException("field",
					"'" + field + "' is not a Java property name; name the entity's property, such as 'tenantId'.");
		}
		if (adminRole != null && adminRole.isBlank()) {
			throw new PluginConfigurationException("admin-role",
					"The admin role is blank; name a role such as ADMIN, or remove the key.");
		}
		aggregates = Set.copyOf(new LinkedHashSet<>(aggregates));
	}

}
