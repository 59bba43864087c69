package dev.plugboard.autoconfigure.immutablefields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code immutable-fields} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.immutable-fields")
public class ImmutableFieldsProperties {

	/**
	 * Entity properties that must not change after INSERT, keyed by aggregate (table)
	 * name, such as 'users: [email]'. An UPDATE that changes one is refused with a 400.
	 */
	private Map<String, List<String>> fields = new LinkedHashMap<>();

	public Map<String, List<String>> getFields() {
		return this.fields;
	}

	public void setFields(Map<String, List<String>> fields) {
		this.fields = fields;
	}

}
