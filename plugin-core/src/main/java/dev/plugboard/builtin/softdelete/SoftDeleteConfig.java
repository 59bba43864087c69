package dev.plugboard.builtin.softdelete;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link SoftDeletePlugin}.
 *
 * @param field the entity property that holds the deletion time, such as
 * {@code deletedAt}
 * @param aggregates the aggregates deleted softly; empty for every aggregate whose entity
 * has the field
 * @param role the role allowed to restore and purge through the routes, or {@code null}
 * to mount no routes
 * @param basePath the path under which the routes are mounted, such as
 * {@code /soft-delete}
 * @since 0.1.0
 */
public record SoftDeleteConfig(String field, Set<String> aggregates, @Nullable String role, String basePath) {

	/** The default deleted-at property. */
	public static final String DEFAULT_FIELD = "deletedAt";

	/** The default base path of the routes. */
	public static final String DEFAULT_BASE_PATH = "/soft-delete";

	/**
	 * Check the values and copy the set.
	 * @throws PluginConfigurationException when the field is not a Java property name,
	 * the role is blank, or the base path does not start with '/'
	 */
	public SoftDeleteConfig {
		if (field == null || field.isEmpty() || !Character.isJavaIdentifierStart(field.charAt(0))
				|| !field.codePoints().allMatch(Character::isJavaIdentifierPart)) {
			throw new PluginConfigurationException("field",
					"'" + field + "' is not a Java property name; name the entity's property, such as 'deletedAt'.");
		}
		if (role != null && role.isBlank()) {
			throw new PluginConfigurationException("role",
					"The role is blank; name the role allowed to restore and purge, such as ADMIN, or remove the key.");
		}
		if (basePath == null || !basePath.startsWith("/") || basePath.length() < 2 || basePath.endsWith("/")
				|| basePath.contains("{")) {
			throw new PluginConfigurationException("base-path", "'" + basePath
					+ "' is not a base path; write one that starts with '/' and does not end with it, such as /soft-delete.");
		}
		aggregates = Set.copyOf(new LinkedHashSet<>(aggregates));
	}

}
