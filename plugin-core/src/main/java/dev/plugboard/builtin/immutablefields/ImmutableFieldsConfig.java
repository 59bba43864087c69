package dev.plugboard.builtin.immutablefields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link ImmutableFieldsPlugin}: the properties that must not
 * change after INSERT, per aggregate.
 *
 * @param fields the immutable properties of each aggregate, keyed by aggregate (table)
 * name, such as {@code users: [email]}
 * @since 0.1.0
 */
public record ImmutableFieldsConfig(Map<String, List<String>> fields) {

	/**
	 * Check the names and copy the map.
	 * @throws PluginConfigurationException when a property name is blank or not a Java
	 * identifier, or an aggregate lists no property
	 */
	public ImmutableFieldsConfig {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		fields.forEach((aggregate, names) -> {
			String key = "fields." + aggregate;
			if (names == null || names.isEmpty()) {
				throw new PluginConfigurationException(key,
						"The aggregate lists no property; list its immutable properties, such as [email], or remove it.");
			}
			for (int i = 0; i < names.size(); i++) {
				requireName(key + "[" + i + "]", names.get(i));
			}
			copy.put(aggregate, List.copyOf(names));
		});
		fields = Map.copyOf(copy);
	}

	private static void requireName(String key, @Nullable String name) {
		if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))
				|| !name.codePoints().allMatch(Character::isJavaIdentifierPart)) {
			throw new PluginConfigurationException(key,
					"'" + name + "' is not a Java property name; name the entity's property, such as 'userId'.");
		}
	}

}
