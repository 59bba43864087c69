package dev.plugboard.builtin.validation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.ValidationFailed.Violation;

/**
 * A rule type of your own, usable by its name from the manifest next to the built-in
 * rules ({@code sku: [required, sku-format]}). Declare it as a bean: the starter hands
 * every {@code ValidationRule} bean to the validation plugin.
 *
 * <pre class="code">
 * &#64;Component
 * class SkuFormat implements ValidationRule {
 *
 *     public String name() {
 *         return "sku-format";
 *     }
 *
 *     public List&lt;Violation&gt; validate(Object value, Context context) {
 *         if (value == null || value.toString().matches("[A-Z]{3}-\\d{4}")) {
 *             return List.of();
 *         }
 *         return List.of(context.violation(context.field() + " must look like ABC-1234"));
 *     }
 *
 * }
 * </pre>
 *
 * <p>
 * Implementations must be thread-safe; they are called for every insert and update of the
 * fields that list them, inside the write's transaction.
 *
 * @since 0.1.0
 */
public interface ValidationRule {

	/**
	 * The rule's name in the manifest: kebab-case, and not one of the built-in rules.
	 * @return the name, such as {@code sku-format}
	 */
	String name();

	/**
	 * Check one value.
	 * @param value the field's value, possibly {@code null}
	 * @param context the field, the rule's arguments and the write
	 * @return the violations, empty when the value is valid
	 */
	List<Violation> validate(@Nullable Object value, Context context);

	/**
	 * What a rule knows about the value it checks.
	 *
	 * @since 0.1.0
	 */
	interface Context {

		/**
		 * The field the rule is declared on.
		 * @return the property name, such as {@code sku}
		 */
		String field();

		/**
		 * The rule's arguments from the manifest ({@code {rule: sku-format, arguments:
		 * {prefix: AB}}}).
		 * @return the arguments, empty when none are given
		 */
		Map<String, String> arguments();

		/**
		 * The write being validated: its entity (to compare fields), its operation and
		 * its request.
		 * @return the write
		 */
		BeforeWriteContext write();

		/**
		 * A violation of this rule on this field: the code is the rule's name, and the
		 * message the one the manifest sets for the rule, if any, or else
		 * {@code message}.
		 * @param message the rule's own message, such as {@code sku must look like
		 * ABC-1234}
		 * @return the violation
		 */
		Violation violation(String message);

	}

}
