package dev.plugboard.builtin.timestamps;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link TimestampsPlugin}: which properties hold the created
 * and updated times, by default and per aggregate, and whether an UPDATE may carry its
 * own created time.
 *
 * @param created the property holding the creation time, such as {@code createdAt}
 * @param updated the property holding the time of the last write, such as
 * {@code updatedAt}
 * @param fields property names for some aggregates, keyed by aggregate name; a name left
 * {@code null} there falls back to {@link #created()} or {@link #updated()}
 * @param trustIncomingCreated whether an UPDATE whose entity carries a created time keeps
 * it without loading the stored row; by default the stored row is loaded on every UPDATE
 * of an entity with a created property, so that a client cannot change the created time
 * @since 0.1.0
 */
public record TimestampsConfig(String created, String updated, Map<String, Fields> fields,
		boolean trustIncomingCreated) {

	/** The default name of the created property. */
	public static final String DEFAULT_CREATED = "createdAt";

	/** The default name of the updated property. */
	public static final String DEFAULT_UPDATED = "updatedAt";

	/**
	 * Check the names and copy the map.
	 * @throws PluginConfigurationException when a name is blank or not a Java identifier,
	 * or when an aggregate would use the same property for both times
	 */
	public TimestampsConfig {
		requireName("created", created);
		requireName("updated", updated);
		requireDistinct("updated", created, updated);
		Map<String, Fields> copy = new LinkedHashMap<>();
		fields.forEach((aggregate, names) -> {
			String key = "fields." + aggregate;
			if (names.created() != null) {
				requireName(key + ".created", names.created());
			}
			if (names.updated() != null) {
				requireName(key + ".updated", names.updated());
			}
			String resolvedCreated = (names.created() != null) ? names.created() : created;
			String resolvedUpdated = (names.updated() != null) ? names.updated() : updated;
			requireDistinct(key, resolvedCreated, resolvedUpdated);
			copy.put(aggregate, names);
		});
		fields = Map.copyOf(copy);
	}

	/**
	 * The defaults: {@code createdAt} and {@code updatedAt} for every aggregate, and the
	 * stored created time always wins on UPDATE.
	 * @return the default configuration
	 */
	public static TimestampsConfig defaults() {
		return new TimestampsConfig(DEFAULT_CREATED, DEFAULT_UPDATED, Map.of(), false);
	}

	private static void requireName(String key, @Nullable String name) {
		if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))
				|| !name.codePoints().allMatch(Character::isJavaIdentifierPart)) {
			throw new PluginConfigurationException(key,
					"'" + name + "' is not a Java property name; name the entity's property, such as 'createdAt'.");
		}
	}

	private static void requireDistinct(String key, String created, String updated) {
		if (created.equals(updated)) {
			throw new PluginConfigurationException(key, "The created and updated times both name the property '"
					+ created + "'; give them two different properties.");
		}
	}

	/**
	 * The property names for one aggregate, overriding the defaults.
	 *
	 * @param created the created property, or {@code null} for the default
	 * @param updated the updated property, or {@code null} for the default
	 */
	public record Fields(@Nullable String created, @Nullable String updated) {

	}

}
