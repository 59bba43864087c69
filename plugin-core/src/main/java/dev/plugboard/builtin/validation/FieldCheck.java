package dev.plugboard.builtin.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.EntityType;
import dev.plugboard.builtin.validation.ValidationConfig.Rule;

/**
 * One rule of one field, compiled from its declaration: its arguments parsed and checked
 * once, when the plugin is created, and its fit to the property's type checked against
 * the entity class.
 */
abstract class FieldCheck {

	/** The built-in rules, in the order the documentation lists them. */
	static final List<String> BUILT_IN = List.of("required", "min", "max", "length", "pattern", "email", "one-of",
			"unique");

	private static final Pattern EMAIL = Pattern.compile(
			"(?=.{1,254}$)(?=.{1,64}@)" + "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
					+ "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
					+ "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

	private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\"[^\"]+\"");

	final String key;

	final String field;

	final String code;

	private final @Nullable String message;

	FieldCheck(String key, String field, Rule rule) {
		this.key = key;
		this.field = field;
		this.code = rule.name();
		this.message = rule.message();
	}

	/**
	 * Compile a declared rule.
	 * @param aggregate the aggregate name
	 * @param field the property
	 * @param index the rule's index in the field's list
	 * @param rule the declaration
	 * @param custom the custom rules by name
	 * @param unique the unique queries, or {@code null} when there is no database
	 * @return the check
	 * @throws PluginConfigurationException when the rule is unknown or its arguments are
	 * missing or invalid
	 */
	static FieldCheck compile(String aggregate, String field, int index, Rule rule, Map<String, ValidationRule> custom,
			@Nullable UniqueQueries unique) {
		String key = "rules." + aggregate + "." + field + "[" + index + "]";
		Arguments arguments = new Arguments(key, rule);
		FieldCheck check = switch (rule.name()) {
			case "required" -> new Required(key, field, rule);
			case "min" -> new Bound(key, field, rule, arguments.decimal("value"), true);
			case "max" -> new Bound(key, field, rule, arguments.decimal("value"), false);
			case "length" -> new Length(key, field, rule, arguments.integer("min"), arguments.integer("max"));
			case "pattern" -> new Matches(key, field, rule, arguments.pattern("regexp"));
			case "email" -> new Email(key, field, rule);
			case "one-of" -> new OneOf(key, field, rule, arguments.strings("values"));
			case "unique" -> new Unique(key, field, rule, aggregate, arguments.column("column"), unique);
			default -> custom(key, field, rule, custom);
		};
		arguments.checkAllUsed();
		return check;
	}

	private static FieldCheck custom(String key, String field, Rule rule, Map<String, ValidationRule> custom) {
		ValidationRule validationRule = custom.get(rule.name());
		if (validationRule == null) {
			List<String> known = new ArrayList<>(BUILT_IN);
			known.addAll(custom.keySet());
			String closest = EntityType.nearest(rule.name(), known);
			throw new PluginConfigurationException(key, "Unknown rule '" + rule.name() + "'"
					+ ((closest != null) ? "; did you mean '" + closest + "'?" : ".") + " The known rules are "
					+ String.join(", ", known) + " (a custom rule is a ValidationRule bean, known by its name()).");
		}
		Map<String, String> arguments = new LinkedHashMap<>();
		rule.arguments().forEach((name, value) -> arguments.put(name, String.valueOf(value)));
		return new Custom(key, field, rule, validationRule, Map.copyOf(arguments));
	}

	/**
	 * Whether this check queries the database, so it is skipped when the field already
	 * failed another rule.
	 * @return whether it queries
	 */
	boolean queries() {
		return false;
	}

	/**
	 * Check that the rule fits the property's type.
	 * @param type the entity type
	 * @throws PluginConfigurationException when it does not
	 */
	void verify(EntityType type) {
	}

	/**
	 * Check a value.
	 * @param value the value
	 * @param write the write
	 * @return the violations, empty when the value passes
	 */
	List<Violation> check(@Nullable Object value, BeforeWriteContext write) {
		if (value == null) {
			return List.of();
		}
		String failure = failure(value, write);
		return (failure != null) ? List.of(violation(failure)) : List.of();
	}

	/**
	 * Check a value that is not {@code null}.
	 * @param value the value
	 * @param write the write
	 * @return the rule's own message when the value fails, {@code null} when it passes
	 */
	@Nullable String failure(Object value, BeforeWriteContext write) {
		return null;
	}

	Violation violation(String ownMessage) {
		return new Violation(this.field, this.code, (this.message != null) ? this.message : ownMessage);
	}

	PluginConfigurationException misfit(EntityType type, String applies) {
		Class<?> propertyType = type.type(this.field);
		return new PluginConfigurationException(this.key,
				"Rule '" + this.code + "' applies to " + applies + ", but " + type.name() + "." + this.field + " is a "
						+ ((propertyType != null) ? propertyType.getSimpleName() : "?") + ".");
	}

	static boolean isNumber(@Nullable Class<?> type) {
		return type != null && (Number.class.isAssignableFrom(type)
				|| (type.isPrimitive() && type != boolean.class && type != char.class && type != void.class));
	}

	static boolean isText(@Nullable Class<?> type) {
		return type != null && CharSequence.class.isAssignableFrom(type);
	}

	/**
	 * {@code required}: not {@code null}, not blank text, not an empty collection.
	 */
	static final class Required extends FieldCheck {

		Required(String key, String field, Rule rule) {
			super(key, field, rule);
		}

		@Override
		List<Violation> check(@Nullable Object value, BeforeWriteContext write) {
			boolean missing = value == null || (value instanceof CharSequence text && text.toString().isBlank())
					|| (value instanceof Collection<?> collection && collection.isEmpty());
			return missing ? List.of(violation(this.field + " is required")) : List.of();
		}

	}

	/**
	 * {@code min} and {@code max}: a number within an inclusive bound.
	 */
	static final class Bound extends FieldCheck {

		private final BigDecimal bound;

		private final boolean lower;

		Bound(String key, String field, Rule rule, BigDecimal bound, boolean lower) {
			super(key, field, rule);
			this.bound = bound;
			this.lower = lower;
		}

		@Override
		void verify(EntityType type) {
			if (!isNumber(type.type(this.field))) {
				throw misfit(type, "numbers");
			}
		}

		@Override
		@Nullable String failure(Object value, BeforeWriteContext write) {
			if (!(value instanceof Number number)) {
				return null;
			}
			BigDecimal decimal = (number instanceof BigDecimal big) ? big : new BigDecimal(number.toString());
			int comparison = decimal.compareTo(this.bound);
			if (this.lower && comparison < 0) {
				return this.field + " must be at least " + this.bound.toPlainString();
			}
			if (!this.lower && comparison > 0) {
				return this.field + " must be at most " + this.bound.toPlainString();
			}
			return null;
		}

	}

	/**
	 * {@code length}: text with a number of characters (code points) in a range.
	 */
	static final class Length extends FieldCheck {

		private final @Nullable Integer min;

		private final @Nullable Integer max;

		Length(String key, String field, Rule rule, @Nullable Integer min, @Nullable Integer max) {
			super(key, field, rule);
			if (min == null && max == null) {
				throw new PluginConfigurationException(key + ".length",
						"Rule 'length' needs 'min', 'max' or both, such as {length: {min: 2, max: 50}}.");
			}
			if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
				throw new PluginConfigurationException(key + ".length",
						"Rule 'length' needs 0 <= min <= max, but has min " + min + " and max " + max + ".");
			}
			this.min = min;
			this.max = max;
		}

		@Override
		void verify(EntityType type) {
			if (!isText(type.type(this.field))) {
				throw misfit(type, "text");
			}
		}

		@Override
		@Nullable String failure(Object value, BeforeWriteContext write) {
			String text = value.toString();
			int length = text.codePointCount(0, text.length());
			if ((this.min != null && length < this.min) || (this.max != null && length > this.max)) {
				if (this.min != null && this.max != null) {
					return this.field + " must be between " + this.min + " and " + this.max + " characters long";
				}
				return (this.min != null) ? this.field + " must be at least " + this.min + " characters long"
						: this.field + " must be at most " + this.max + " characters long";
			}
			return null;
		}

	}

	/**
	 * {@code pattern}: text that matches a regular expression as a whole.
	 */
	static final class Matches extends FieldCheck {

		private final Pattern pattern;

		Matches(String key, String field, Rule rule, Pattern pattern) {
			super(key, field, rule);
			this.pattern = pattern;
		}

		@Override
		void verify(EntityType type) {
			if (!isText(type.type(this.field))) {
				throw misfit(type, "text");
			}
		}

		@Override
		@Nullable String failure(Object value, BeforeWriteContext write) {
			return this.pattern.matcher(value.toString()).matches() ? null
					: this.field + " must match the pattern " + this.pattern.pattern();
		}

	}

	/**
	 * {@code email}: a well-formed address (a local part, {@code @}, and a domain of at
	 * least two labels).
	 */
	static final class Email extends FieldCheck {

		Email(String key, String field, Rule rule) {
			super(key, field, rule);
		}

		@Override
		void verify(EntityType type) {
			if (!isText(type.type(this.field))) {
				throw misfit(type, "text");
			}
		}

		@Override
		@Nullable String failure(Object value, BeforeWriteContext write) {
			return EMAIL.matcher(value.toString()).matches() ? null
					: this.field + " must be a well-formed email address";
		}

	}

	/**
	 * {@code one-of}: a value whose text (an enum's name) is one of a list.
	 */
	static final class OneOf extends FieldCheck {

		private final List<String> values;

		private final Set<String> allowed;

		OneOf(String key, String field, Rule rule, List<String> values) {
			super(key, field, rule);
			if (values.isEmpty()) {
				throw new PluginConfigurationException(key + ".one-of",
						"Rule 'one-of' needs the allowed values, such as {one-of: [active, blocked]}.");
			}
			this.values = List.copyOf(values);
			this.allowed = Set.copyOf(values);
		}

		@Override
		void verify(EntityType type) {
			Class<?> propertyType = type.type(this.field);
			if (propertyType != null && propertyType.isEnum()) {
				List<String> constants = Arrays.stream(propertyType.getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name())
					.toList();
				for (String value : this.values) {
					if (!constants.contains(value)) {
						throw new PluginConfigurationException(this.key + ".one-of",
								"Rule 'one-of' allows '" + value + "', which is not a constant of "
										+ propertyType.getSimpleName() + " (" + type.name() + "." + this.field + "): "
										+ String.join(", ", constants) + ".");
					}
				}
			}
		}

		@Override
		@Nullable String failure(Object value, BeforeWriteContext write) {
			String text = (value instanceof Enum<?> constant) ? constant.name() : value.toString();
			return this.allowed.contains(text) ? null
					: this.field + " must be one of " + String.join(", ", this.values);
		}

	}

	/**
	 * {@code unique}: no other row of the table holds the value.
	 */
	static final class Unique extends FieldCheck {

		private final String aggregate;

		private final @Nullable String column;

		private final UniqueQueries queries;

		Unique(String key, String field, Rule rule, String aggregate, @Nullable String column,
				@Nullable UniqueQueries queries) {
			super(key, field, rule);
			if (queries == null) {
				throw new PluginConfigurationException(key,
						"Rule 'unique' queries the table, but the validation plugin was given no database access "
								+ "(a JdbcTemplate bean, with spring-jdbc and a DataSource).");
			}
			if (column != null && !COLUMN.matcher(column).matches()) {
				throw new PluginConfigurationException(key + ".unique.column", "Rule 'unique' names the column '"
						+ column + "', which is not a plain SQL identifier (letters, digits, _) or a quoted one.");
			}
			this.aggregate = aggregate;
			this.column = column;
			this.queries = queries;
		}

		@Override
		boolean queries() {
			return true;
		}

		@Override
		void verify(EntityType type) {
			if (this.queries.tables().idProperty(type.javaType()) == null) {
				throw new PluginConfigurationException(this.key, "Rule 'unique' leaves the row itself out on an "
						+ "update by its id, but " + type.name() + " has no id property (annotated @Id, or named id).");
			}
		}

		@Override
		@Nullable String failure(Object value, BeforeWriteContext write) {
			Object id = null;
			if (write.op() == WriteOp.UPDATE) {
				String idProperty = this.queries.tables().idProperty(write.entity().getClass());
				id = (idProperty != null) ? write.get(idProperty) : null;
			}
			return this.queries.taken(this.aggregate, write.entity().getClass(), this.field, this.column, value, id)
					? this.field + " is already taken" : null;
		}

	}

	/**
	 * A custom {@link ValidationRule}, with the arguments the manifest gives it.
	 */
	static final class Custom extends FieldCheck {

		private final ValidationRule rule;

		private final Map<String, String> arguments;

		Custom(String key, String field, Rule declaration, ValidationRule rule, Map<String, String> arguments) {
			super(key, field, declaration);
			this.rule = rule;
			this.arguments = arguments;
		}

		@Override
		List<Violation> check(@Nullable Object value, BeforeWriteContext write) {
			List<Violation> violations = this.rule.validate(value, new ValidationRule.Context() {

				@Override
				public String field() {
					return Custom.this.field;
				}

				@Override
				public Map<String, String> arguments() {
					return Custom.this.arguments;
				}

				@Override
				public BeforeWriteContext write() {
					return write;
				}

				@Override
				public Violation violation(String message) {
					return Custom.this.violation(message);
				}

			});
			return (violations != null) ? violations : List.of();
		}

	}

	/**
	 * The arguments of one declared rule, each read once, with the unread ones reported.
	 */
	private static final class Arguments {

		private final String key;

		private final Rule rule;

		private final Map<String, Object> unread;

		Arguments(String key, Rule rule) {
			this.key = key;
			this.rule = rule;
			this.unread = new LinkedHashMap<>(rule.arguments());
		}

		private @Nullable Object take(String name) {
			return this.unread.remove(name);
		}

		private PluginConfigurationException invalid(String name, String expected) {
			return new PluginConfigurationException(this.key + "." + this.rule.name(),
					"Rule '" + this.rule.name() + "' needs '" + name + "' to be " + expected + ", but has '"
							+ this.rule.arguments().get(name) + "'.");
		}

		BigDecimal decimal(String name) {
			Object value = take(name);
			if (value == null) {
				throw new PluginConfigurationException(this.key + "." + this.rule.name(),
						"Rule '" + this.rule.name() + "' needs a number, such as {" + this.rule.name() + ": 0}.");
			}
			try {
				return new BigDecimal(value.toString().trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(name, "a number");
			}
		}

		@Nullable Integer integer(String name) {
			Object value = take(name);
			if (value == null) {
				return null;
			}
			try {
				return Integer.valueOf(value.toString().trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(name, "a whole number");
			}
		}

		Pattern pattern(String name) {
			Object value = take(name);
			if (value == null || value.toString().isEmpty()) {
				throw new PluginConfigurationException(this.key + ".pattern",
						"Rule 'pattern' needs a regular expression, such as {pattern: \"[A-Z]{3}-\\\\d+\"}.");
			}
			try {
				return Pattern.compile(value.toString());
			}
			catch (PatternSyntaxException ex) {
				throw new PluginConfigurationException(this.key + ".pattern",
						"Rule 'pattern' has '" + value + "', which is not a regular expression: " + ex.getDescription()
								+ " at index " + ex.getIndex() + ".");
			}
		}

		List<String> strings(String name) {
			Object value = take(name);
			if (value == null) {
				return List.of();
			}
			if (value instanceof Collection<?> values) {
				return values.stream().map(String::valueOf).toList();
			}
			return List.of(value.toString());
		}

		@Nullable String column(String name) {
			Object value = take(name);
			return (value != null && !value.toString().isBlank()) ? value.toString().trim() : null;
		}

		void checkAllUsed() {
			if (!this.unread.isEmpty() && BUILT_IN.contains(this.rule.name())) {
				throw new PluginConfigurationException(this.key + "." + this.rule.name(), "Rule '" + this.rule.name()
						+ "' takes no argument " + String.join(", ", this.unread.keySet()) + ".");
			}
		}

	}

}
