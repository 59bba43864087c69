package dev.plugboard;

import java.util.List;
import java.util.Map;

/**
 * A 400 rejection: the request or entity is invalid. With several {@link Violation}s the
 * problem body carries an {@code errors} list naming every failing field.
 *
 * @since 0.1.0
 */
public class ValidationFailed extends PluginException {

	private final List<Violation> violations;

	/**
	 * Reject with one reason.
	 * @param code the machine-readable code
	 * @param detail the explanation
	 */
	public ValidationFailed(String code, String detail) {
		super(400, code, detail);
		this.violations = List.of();
	}

	/**
	 * Reject with every failing field.
	 * @param violations the failures, at least one
	 */
	public ValidationFailed(List<Violation> violations) {
		super(400, "validation-failed", describe(violations));
		this.violations = List.copyOf(violations);
	}

	private static String describe(List<Violation> violations) {
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("At least one violation is required");
		}
		return (violations.size() == 1) ? violations.get(0).message() : violations.size() + " fields are invalid";
	}

	/**
	 * The failing fields.
	 * @return the violations, empty when constructed with a single code
	 */
	public List<Violation> violations() {
		return this.violations;
	}

	@Override
	public Map<String, Object> properties() {
		if (this.violations.isEmpty()) {
			return Map.of();
		}
		return Map.of("errors",
				this.violations.stream()
					.map((violation) -> Map.of("field", violation.field(), "code", violation.code(), "message",
							violation.message()))
					.toList());
	}

	/**
	 * One failing field.
	 *
	 * @param field the field name, as the client knows it
	 * @param code a machine-readable code such as {@code required}
	 * @param message a human-readable explanation
	 */
	public record Violation(String field, String code, String message) {
	}

}
