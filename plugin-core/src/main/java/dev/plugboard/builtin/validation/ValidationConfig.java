package dev.plugboard.builtin.validation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The configuration of a {@link ValidationPlugin}: the rules of each field of each
 * aggregate, checked in the order they are declared.
 *
 * @param rules the rules by aggregate name ({@code users}) and then by the Java name of
 * the property ({@code email})
 * @since 0.1.0
 */
public record ValidationConfig(Map<String, Map<String, List<Rule>>> rules) {

	/**
	 * Create a configuration, keeping the order of the aggregates, fields and rules.
	 * @param rules the rules by aggregate and property
	 */
	public ValidationConfig {
		Map<String, Map<String, List<Rule>>> copy = new LinkedHashMap<>();
		rules.forEach((aggregate, fields) -> {
			Map<String, List<Rule>> fieldsCopy = new LinkedHashMap<>();
			fields.forEach((field, fieldRules) -> fieldsCopy.put(field, List.copyOf(fieldRules)));
			copy.put(aggregate, Collections.unmodifiableMap(fieldsCopy));
		});
		rules = Collections.unmodifiableMap(copy);
	}

	/**
	 * One rule of a field: a built-in rule ({@code required}, {@code min}, {@code max},
	 * {@code length}, {@code pattern}, {@code email}, {@code one-of}, {@code unique}) or
	 * the name of a custom {@link ValidationRule}, with its arguments and an optional
	 * message that replaces the rule's own.
	 *
	 * @param name the rule's name
	 * @param arguments the rule's arguments: {@code value} for {@code min} and
	 * {@code max}; {@code min} and {@code max} for {@code length}; {@code regexp} for
	 * {@code pattern}; {@code values} for {@code one-of}; {@code column} (optional) for
	 * {@code unique}; anything a custom rule reads
	 * @param message the message of a violation, or {@code null} for the rule's own
	 */
	public record Rule(String name, Map<String, Object> arguments, @Nullable String message) {

		/**
		 * Create a rule.
		 * @param name the rule's name
		 * @param arguments the rule's arguments
		 * @param message the message of a violation, or {@code null} for the rule's own
		 */
		public Rule {
			arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
		}

		/**
		 * A rule without arguments, such as {@code required} or a custom rule's name.
		 * @param name the rule's name
		 * @return the rule
		 */
		public static Rule of(String name) {
			return new Rule(name, Map.of(), null);
		}

		/**
		 * A rule with arguments.
		 * @param name the rule's name
		 * @param arguments the rule's arguments
		 * @return the rule
		 */
		public static Rule of(String name, Map<String, Object> arguments) {
			return new Rule(name, arguments, null);
		}

		/**
		 * The value must be present: not {@code null}, and not blank for text.
		 * @return the rule
		 */
		public static Rule required() {
			return of("required");
		}

		/**
		 * The number must be at least this.
		 * @param value the smallest allowed value
		 * @return the rule
		 */
		public static Rule min(Number value) {
			return of("min", Map.of("value", new BigDecimal(value.toString())));
		}

		/**
		 * The number must be at most this.
		 * @param value the largest allowed value
		 * @return the rule
		 */
		public static Rule max(Number value) {
			return of("max", Map.of("value", new BigDecimal(value.toString())));
		}

		/**
		 * The text must have between {@code min} and {@code max} characters.
		 * @param min the fewest characters, or {@code null} for no minimum
		 * @param max the most characters, or {@code null} for no maximum
		 * @return the rule
		 */
		public static Rule length(@Nullable Integer min, @Nullable Integer max) {
			Map<String, Object> arguments = new LinkedHashMap<>();
			if (min != null) {
				arguments.put("min", min);
			}
			if (max != null) {
				arguments.put("max", max);
			}
			return of("length", arguments);
		}

		/**
		 * The whole text must match a regular expression.
		 * @param regexp the regular expression
		 * @return the rule
		 */
		public static Rule pattern(String regexp) {
			return of("pattern", Map.of("regexp", regexp));
		}

		/**
		 * The text must be a well-formed email address.
		 * @return the rule
		 */
		public static Rule email() {
			return of("email");
		}

		/**
		 * The value (its text, or an enum's name) must be one of these.
		 * @param values the allowed values
		 * @return the rule
		 */
		public static Rule oneOf(String... values) {
			return of("one-of", Map.of("values", Arrays.asList(values)));
		}

		/**
		 * No other row of the table may hold the value, in the column named after the
		 * property.
		 * @return the rule
		 */
		public static Rule unique() {
			return of("unique");
		}

		/**
		 * No other row of the table may hold the value in this column.
		 * @param column the column, as written in SQL
		 * @return the rule
		 */
		public static Rule unique(String column) {
			return of("unique", Map.of("column", column));
		}

		/**
		 * This rule with a message of its own.
		 * @param message the message of a violation
		 * @return a new rule
		 */
		public Rule withMessage(String message) {
			return new Rule(this.name, this.arguments, message);
		}

	}

}
