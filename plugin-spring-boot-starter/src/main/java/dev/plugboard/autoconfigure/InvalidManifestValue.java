package dev.plugboard.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.origin.Origin;
import org.springframework.core.ResolvableType;
import org.springframework.util.unit.DataSize;

import dev.plugboard.runtime.PluginIds;

/**
 * Describes a value under {@code plugboard.*} that does not bind, in the words of the
 * manifest: the plugin, the key as the user wrote it, the bad value, where it came from
 * and what values are accepted. Shared by the failure analyzer (common keys, bound by
 * Boot) and the registry factory (a plugin's own keys).
 */
final class InvalidManifestValue {

	static final String PREFIX = "plugboard";

	private static final String PLUGINS = "plugboard.plugins";

	private static final Map<String, String> COMMON_KEY_ADVICE = Map.of("order",
			" (lower runs first), or remove the key to keep the plugin's default order", "on-error",
			", or remove the key to keep the plugin's default (fail-closed for security gates, fail-open otherwise)",
			"enabled",
			", or remove the key to use the default (built-ins run when listed, application plugins always)");

	private final @Nullable String pluginId;

	private final String key;

	private final String canonicalKey;

	private final String property;

	private final @Nullable Object value;

	private final @Nullable Origin origin;

	private final String accepted;

	private final List<String> unknownKeys;

	private InvalidManifestValue(@Nullable String pluginId, String key, String canonicalKey, String property,
			@Nullable Object value, @Nullable Origin origin, String accepted, List<String> unknownKeys) {
		this.pluginId = pluginId;
		this.key = key;
		this.canonicalKey = canonicalKey;
		this.property = property;
		this.value = value;
		this.origin = origin;
		this.accepted = accepted;
		this.unknownKeys = unknownKeys;
	}

	/**
	 * Describe a bind failure, if it is about a {@code plugboard.*} value.
	 * @param ex the failure
	 * @return the description, or {@code null} when the failure is not about one of our
	 * values
	 */
	static @Nullable InvalidManifestValue of(BindException ex) {
		if (!ConfigurationPropertyName.of(PREFIX).isAncestorOf(ex.getName())) {
			return null;
		}
		ConfigurationProperty property = ex.getProperty();
		ConfigurationPropertyName name = (property != null) ? property.getName() : ex.getName();
		Object value = (property != null) ? property.getValue() : null;
		Origin origin = (property != null) ? property.getOrigin() : null;
		String accepted = accepted(ex.getTarget().getType());
		ConfigurationPropertyName plugins = ConfigurationPropertyName.of(PLUGINS);
		if (plugins.isAncestorOf(name)) {
			String pluginId = PluginIds.normalise(name.getElement(2, Form.ORIGINAL));
			String written = PLUGINS + "." + join(name, 2, 3, Form.ORIGINAL);
			return new InvalidManifestValue(pluginId, join(name, 3, Form.ORIGINAL), join(name, 3, Form.DASHED), written,
					value, origin, accepted, unknownKeys(ex, 3));
		}
		String written = join(name, 0, Form.ORIGINAL);
		return new InvalidManifestValue(null, written, written, written, value, origin, accepted, unknownKeys(ex, 0));
	}

	/**
	 * The keys that no property of the target type took (a misspelt key inside a list
	 * element), relative to the plugin's entry.
	 */
	private static List<String> unknownKeys(BindException ex, int from) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UnboundConfigurationPropertiesException unbound) {
				return unbound.getUnboundProperties()
					.stream()
					.map((property) -> join(property.getName(), from, Form.ORIGINAL))
					.sorted()
					.toList();
			}
		}
		return List.of();
	}

	private static String join(ConfigurationPropertyName name, int from, Form form) {
		return join(name, from, name.getNumberOfElements(), form);
	}

	private static String join(ConfigurationPropertyName name, int from, int to, Form form) {
		StringBuilder written = new StringBuilder();
		for (int i = from; i < to; i++) {
			String element = name.getElement(i, form);
			if (name.isNumericIndex(i)) {
				written.append('[').append(element).append(']');
			}
			else {
				if (!written.isEmpty()) {
					written.append('.');
				}
				written.append(element);
			}
		}
		return written.toString();
	}

	/**
	 * What values a type accepts, in words.
	 * @param type the target type
	 * @return the accepted values
	 */
	static String accepted(ResolvableType type) {
		Class<?> resolved = type.resolve(Object.class);
		if (resolved.isEnum()) {
			return Arrays.stream(resolved.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.joining(", "));
		}
		if (resolved == Boolean.class || resolved == boolean.class) {
			return "true, false";
		}
		if (resolved == Integer.class || resolved == int.class || resolved == Long.class || resolved == long.class
				|| resolved == Short.class || resolved == short.class) {
			return "a whole number, such as 100";
		}
		if (Number.class.isAssignableFrom(resolved) || resolved == double.class || resolved == float.class) {
			return "a number, such as 2.5";
		}
		if (resolved == Duration.class) {
			return "a duration, such as 500ms, 30s or 5m";
		}
		if (resolved == DataSize.class) {
			return "a data size, such as 512KB or 10MB";
		}
		if (Collection.class.isAssignableFrom(resolved) || resolved.isArray()) {
			ResolvableType element = resolved.isArray() ? type.getComponentType() : type.asCollection().getGeneric();
			return "a list of " + accepted(element);
		}
		if (Map.class.isAssignableFrom(resolved) || resolved.getPackageName().startsWith("dev.plugboard")) {
			return "a map of keys (or {} for none)";
		}
		return "a value that converts to " + resolved.getSimpleName();
	}

	/**
	 * The failure analysis description: what is wrong, with the property, value and
	 * origin.
	 * @return the description
	 */
	String description() {
		StringBuilder description = new StringBuilder();
		if (this.pluginId != null) {
			description.append("Plugin '").append(this.pluginId).append("' has an invalid value for ");
			description.append(this.key.isEmpty() ? "its manifest entry" : "'" + this.key + "'");
		}
		else {
			description.append("Invalid value for '").append(this.property).append("'");
		}
		description.append(":\n\n");
		description.append("    Property: ").append(this.property);
		if (this.pluginId != null && !this.key.isEmpty()) {
			description.append('.').append(this.key);
		}
		description.append('\n');
		if (this.value != null) {
			description.append("    Value: \"").append(this.value).append("\"\n");
		}
		if (this.origin != null) {
			description.append("    Origin: ").append(this.origin).append('\n');
		}
		description.append("    Accepted values: ").append(this.accepted).append('\n');
		if (!this.unknownKeys.isEmpty()) {
			description.append("    Unknown keys: ").append(String.join(", ", this.unknownKeys)).append('\n');
		}
		return description.toString();
	}

	/**
	 * The failure analysis action: how to fix the value.
	 * @return the action
	 */
	String action() {
		if (this.pluginId == null) {
			return "Set '" + this.property + "' to " + this.accepted + ".";
		}
		if (!this.unknownKeys.isEmpty()) {
			return "Correct or remove the unknown keys (" + String.join(", ", this.unknownKeys) + ") of plugin '"
					+ this.pluginId + "'; see the plugin's documentation for its keys.";
		}
		if (this.key.isEmpty()) {
			return "Write the entry of plugin '" + this.pluginId + "' as a map of its keys, such as '" + this.pluginId
					+ ": {}' or '" + this.pluginId + ": { enabled: true }'.";
		}
		String advice = COMMON_KEY_ADVICE.getOrDefault(this.canonicalKey, "");
		return "Set '" + this.key + "' under '" + this.property + "' to " + this.accepted + advice + ".";
	}

	@Nullable String pluginId() {
		return this.pluginId;
	}

}
