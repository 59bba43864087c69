package dev.plugboard.autoconfigure.validation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.builtin.validation.ValidationRule;

/**
 * A custom rule: a SKU is its {@code prefix} argument, a hyphen and digits.
 */
class SkuFormat implements ValidationRule {

	@Override
	public String name() {
		return "sku-format";
	}

	@Override
	public List<Violation> validate(@Nullable Object value, Context context) {
		String prefix = context.arguments().getOrDefault("prefix", "SKU");
		if (value == null || value.toString().matches(java.util.regex.Pattern.quote(prefix) + "-\\d+")) {
			return List.of();
		}
		return List.of(context.violation(context.field() + " must look like " + prefix + "-123"));
	}

}
