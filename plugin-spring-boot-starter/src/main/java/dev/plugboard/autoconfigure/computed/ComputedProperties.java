package dev.plugboard.autoconfigure.computed;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code computed} built-in, under
 * {@code plugboard.plugins.computed}. Bound by the plugin registry when the manifest
 * lists the plugin; the annotation gives IDEs the metadata of its keys.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.computed")
public class ComputedProperties {

	/**
	 * SpEL expressions of the computed fields, by aggregate (table) name and then by the
	 * Java name of the property each sets, such as 'order_line: {total: "quantity *
	 * unitPrice"}'. Evaluated in declaration order before each insert and update; they
	 * may read the entity's properties and use literals, operators and the functions
	 * #round, #coalesce, #lower and #upper, and nothing else.
	 */
	private Map<String, Map<String, String>> fields = new LinkedHashMap<>();

	public Map<String, Map<String, String>> getFields() {
		return this.fields;
	}

	public void setFields(Map<String, Map<String, String>> fields) {
		this.fields = fields;
	}

}
