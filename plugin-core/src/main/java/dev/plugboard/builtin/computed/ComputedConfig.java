package dev.plugboard.builtin.computed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of a {@link ComputedPlugin}: for each aggregate, the fields to
 * compute and the expression that computes each, in the order they are evaluated.
 *
 * @param fields expressions by aggregate name ({@code order_line}) and then by the Java
 * name of the computed property ({@code total}), such as {@code "quantity * unitPrice"}
 * @since 0.1.0
 */
public record ComputedConfig(Map<String, Map<String, String>> fields) {

	/**
	 * Create a configuration, keeping the order of the aggregates and of their fields.
	 * @param fields expressions by aggregate name and then by property name
	 */
	public ComputedConfig {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		fields.forEach((aggregate, expressions) -> copy.put(aggregate,
				Collections.unmodifiableMap(new LinkedHashMap<>(expressions))));
		fields = Collections.unmodifiableMap(copy);
	}

}
