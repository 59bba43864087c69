package dev.plugboard.builtin.computed;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;

/**
 * The only functions a computed expression may call, registered as SpEL functions
 * ({@code #round(quantity * unitPrice, 2)}). Each is pure and null-tolerant: a
 * {@code null} argument gives a {@code null} result, except in {@code #coalesce}.
 */
final class ComputedFunctions {

	/** The functions by name, in the order the documentation lists them. */
	static final Map<String, Method> ALL = functions();

	private ComputedFunctions() {
	}

	/**
	 * Round a number half up to a number of decimal places.
	 * @param value the number
	 * @param scale the decimal places
	 * @return the rounded number, or {@code null} for a {@code null} value
	 */
	public static @Nullable BigDecimal round(@Nullable Number value, int scale) {
		if (value == null) {
			return null;
		}
		return decimal(value).setScale(scale, RoundingMode.HALF_UP);
	}

	/**
	 * The first of the values that is not {@code null}.
	 * @param values the values
	 * @return the first non-null value, or {@code null} when all are
	 */
	public static @Nullable Object coalesce(@Nullable Object... values) {
		for (Object value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * A text in lower case, by the rules of no particular language.
	 * @param value the text
	 * @return the lower-case text, or {@code null} for {@code null}
	 */
	public static @Nullable String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * A text in upper case, by the rules of no particular language.
	 * @param value the text
	 * @return the upper-case text, or {@code null} for {@code null}
	 */
	public static @Nullable String upper(@Nullable String value) {
		return (value != null) ? value.toUpperCase(Locale.ROOT) : null;
	}

	private static BigDecimal decimal(Number value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(value.doubleValue());
		}
		return BigDecimal.valueOf(value.longValue());
	}

	private static Map<String, Method> functions() {
		Map<String, Method> functions = new LinkedHashMap<>();
		functions.put("round", method("round", Number.class, int.class));
		functions.put("coalesce", method("coalesce", Object[].class));
		functions.put("lower", method("lower", String.class));
		functions.put("upper", method("upper", String.class));
		return functions;
	}

	private static Method method(String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(ComputedFunctions.class, name, parameterTypes);
		if (method == null) {
			throw new IllegalStateException("No function " + name);
		}
		ReflectionUtils.makeAccessible(method);
		return method;
	}

}
