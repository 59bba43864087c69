package dev.plugboard.autoconfigure.validation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code validation} built-in, under
 * {@code plugboard.plugins.validation}. Bound by the plugin registry when the manifest
 * lists the plugin; the annotation gives IDEs the metadata of its keys.
 *
 * <pre class="code">
 * plugboard:
 *   plugins:
 *     validation:
 *       rules:
 *         users:
 *           email: [required, email, unique]
 *           name: [required, {length: {min: 2, max: 50}}]
 *           status: [{one-of: [active, blocked]}]
 *           sku: [{rule: sku-format, arguments: {prefix: AB}}]
 * </pre>
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.validation")
public class ValidationProperties {

	/**
	 * Rules by aggregate (table) name and then by the Java name of the property, checked
	 * in order before each insert and update. A rule is a name (required, email, unique,
	 * or a custom ValidationRule bean's name) or a map with one rule: {min: 0}, {max:
	 * 100}, {length: {min: 2, max: 50}}, {pattern: "[A-Z]+"}, {one-of: [a, b]}, {unique:
	 * {column: email_address}} or {rule: name, arguments: {...}}, each with an optional
	 * message.
	 */
	private Map<String, Map<String, List<Rule>>> rules = new LinkedHashMap<>();

	/**
	 * Whether the Jakarta Bean Validation annotations of the entities are enforced too,
	 * when the application has a jakarta.validation.Validator bean.
	 */
	private boolean beanValidation = true;

	public Map<String, Map<String, List<Rule>>> getRules() {
		return this.rules;
	}

	public void setRules(Map<String, Map<String, List<Rule>>> rules) {
		this.rules = rules;
	}

	public boolean isBeanValidation() {
		return this.beanValidation;
	}

	public void setBeanValidation(boolean beanValidation) {
		this.beanValidation = beanValidation;
	}

	/**
	 * One rule of a field: written as its name ({@code required}) or as a map with one
	 * rule key ({@code {min: 0}}) and an optional message.
	 */
	public static class Rule {

		/**
		 * Name of a rule without arguments (required, email, unique) or of a custom
		 * ValidationRule bean.
		 */
		private @Nullable String rule;

		/**
		 * Arguments of a custom rule.
		 */
		private Map<String, String> arguments = new LinkedHashMap<>();

		/**
		 * Smallest allowed number, inclusive.
		 */
		private @Nullable BigDecimal min;

		/**
		 * Largest allowed number, inclusive.
		 */
		private @Nullable BigDecimal max;

		/**
		 * Allowed length of text, in characters.
		 */
		private @Nullable Length length;

		/**
		 * Regular expression the whole text must match.
		 */
		private @Nullable String pattern;

		/**
		 * Allowed values: texts, or the names of an enum's constants.
		 */
		private @Nullable List<String> oneOf;

		/**
		 * No other row may hold the value, in the named column.
		 */
		private @Nullable Unique unique;

		/**
		 * Message of a violation, replacing the rule's own.
		 */
		private @Nullable String message;

		/**
		 * A rule written as its name, such as {@code required}.
		 * @param rule the rule's name
		 * @return the rule
		 */
		public static Rule valueOf(String rule) {
			Rule named = new Rule();
			named.setRule(rule.trim());
			return named;
		}

		public @Nullable String getRule() {
			return this.rule;
		}

		public void setRule(@Nullable String rule) {
			this.rule = rule;
		}

		public Map<String, String> getArguments() {
			return this.arguments;
		}

		public void setArguments(Map<String, String> arguments) {
			this.arguments = arguments;
		}

		public @Nullable BigDecimal getMin() {
			return this.min;
		}

		public void setMin(@Nullable BigDecimal min) {
			this.min = min;
		}

		public @Nullable BigDecimal getMax() {
			return this.max;
		}

		public void setMax(@Nullable BigDecimal max) {
			this.max = max;
		}

		public @Nullable Length getLength() {
			return this.length;
		}

		public void setLength(@Nullable Length length) {
			this.length = length;
		}

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public @Nullable List<String> getOneOf() {
			return this.oneOf;
		}

		public void setOneOf(@Nullable List<String> oneOf) {
			this.oneOf = oneOf;
		}

		public @Nullable Unique getUnique() {
			return this.unique;
		}

		public void setUnique(@Nullable Unique unique) {
			this.unique = unique;
		}

		public @Nullable String getMessage() {
			return this.message;
		}

		public void setMessage(@Nullable String message) {
			this.message = message;
		}

	}

	/**
	 * The bounds of the {@code length} rule.
	 */
	public static class Length {

		/**
		 * Fewest characters allowed.
		 */
		private @Nullable Integer min;

		/**
		 * Most characters allowed.
		 */
		private @Nullable Integer max;

		public @Nullable Integer getMin() {
			return this.min;
		}

		public void setMin(@Nullable Integer min) {
			this.min = min;
		}

		public @Nullable Integer getMax() {
			return this.max;
		}

		public void setMax(@Nullable Integer max) {
			this.max = max;
		}

	}

	/**
	 * The column of the {@code unique} rule.
	 */
	public static class Unique {

		/**
		 * Column to query, as written in SQL; the property's mapped column when not set.
		 */
		private @Nullable String column;

		public @Nullable String getColumn() {
			return this.column;
		}

		public void setColumn(@Nullable String column) {
			this.column = column;
		}

	}

}
