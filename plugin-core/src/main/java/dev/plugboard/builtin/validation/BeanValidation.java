package dev.plugboard.builtin.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.plugboard.ValidationFailed.Violation;

/**
 * Enforces the Jakarta Bean Validation annotations of the entities ({@code @NotBlank},
 * {@code @Size}, {@code @Email}…) in the validation plugin, through the application's
 * {@link Validator}. Each constraint violation becomes a violation whose field is the
 * property path, whose code is the annotation's name in kebab-case ({@code not-blank})
 * and whose message starts with the field ({@code name must not be
 * blank}). Needs {@code jakarta.validation-api} and a provider such as Hibernate
 * Validator on the classpath.
 *
 * @since 0.1.0
 */
public final class BeanValidation {

	private final Validator validator;

	private final Map<Class<?>, Boolean> constrained = new ConcurrentHashMap<>();

	private BeanValidation(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Enforce the annotations with a validator.
	 * @param validator the validator, such as Spring Boot's
	 * @return the bean validation
	 */
	public static BeanValidation of(Validator validator) {
		return new BeanValidation(validator);
	}

	/**
	 * Validate an entity.
	 * @param entity the entity
	 * @return its violations, sorted by field and code; empty when it is valid or has no
	 * constraints
	 */
	List<Violation> validate(Object entity) {
		boolean hasConstraints = this.constrained.computeIfAbsent(entity.getClass(),
				(type) -> this.validator.getConstraintsForClass(type).isBeanConstrained());
		if (!hasConstraints) {
			return List.of();
		}
		Set<ConstraintViolation<Object>> failures = this.validator.validate(entity);
		if (failures.isEmpty()) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>(failures.size());
		for (ConstraintViolation<Object> failure : failures) {
			String field = failure.getPropertyPath().toString();
			String code = kebabCase(failure.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
			String message = field.isEmpty() ? failure.getMessage() : field + " " + failure.getMessage();
			violations.add(new Violation(field, code, message));
		}
		violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::code));
		return violations;
	}

	private static String kebabCase(String name) {
		StringBuilder kebab = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					kebab.append('-');
				}
				kebab.append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

}
