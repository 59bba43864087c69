package dev.plugboard.builtin.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.EntityType;
import dev.plugboard.builtin.validation.ValidationConfig.Rule;

/**
 * Validates entities before each insert and update: the rules the manifest declares per
 * aggregate and field ({@code required}, {@code min}, {@code max}, {@code length},
 * {@code pattern}, {@code email}, {@code one-of}, {@code unique} and custom
 * {@link ValidationRule}s), and the Jakarta Bean Validation annotations of every entity
 * when given a {@link BeanValidation}. A write that fails is rejected with a 400 whose
 * {@code errors} list names every failing field ({@code field}, {@code code},
 * {@code message}), not only the first; nothing is stored.
 *
 * <p>
 * Rules run in declaration order; a rule other than {@code required} passes a
 * {@code null} value, so a field that must be present lists {@code required}. A field
 * that fails {@code required} is not checked further, and the {@code unique} query is
 * skipped for a field that already failed another rule. Rule arguments and names are
 * checked when the plugin is created, and {@link #verify(String, Class)} checks fields
 * and types against the entity class (the plugin also does so on the first write of each
 * class). Thread-safe.
 *
 * @since 0.1.0
 */
public final class ValidationPlugin implements BeforeWritePlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "validation";

	private final Map<String, Aggregate> aggregates;

	private final @Nullable BeanValidation beanValidation;

	/**
	 * Create the plugin, compiling every rule.
	 * @param config the rules by aggregate and field
	 * @param customRules the custom rule types, known by their names
	 * @param uniqueQueries the queries of the {@code unique} rule, or {@code null} when
	 * there is no database (then {@code unique} is refused)
	 * @param beanValidation the Bean Validation of the entities' annotations, or
	 * {@code null} to enforce only the declared rules
	 * @throws PluginConfigurationException naming the key
	 * ({@code rules.<aggregate>.<field>[<index>]}) of an unknown rule, with the known
	 * ones, or of a rule with missing or invalid arguments
	 */
	public ValidationPlugin(ValidationConfig config, Collection<? extends ValidationRule> customRules,
			@Nullable UniqueQueries uniqueQueries, @Nullable BeanValidation beanValidation) {
		Map<String, ValidationRule> custom = customRules(customRules);
		Map<String, Aggregate> aggregates = new LinkedHashMap<>();
		config.rules().forEach((aggregate, fields) -> {
			Map<String, List<FieldCheck>> checks = new LinkedHashMap<>();
			fields.forEach((field, rules) -> {
				List<FieldCheck> fieldChecks = new ArrayList<>();
				for (int i = 0; i < rules.size(); i++) {
					Rule rule = rules.get(i);
					if (rule == null || rule.name() == null || rule.name().isBlank()) {
						throw new PluginConfigurationException("rules." + aggregate + "." + field + "[" + i + "]",
								"The rule has no name; write one such as 'required' or {length: {max: 50}}.");
					}
					fieldChecks.add(FieldCheck.compile(aggregate, field, i, rule, custom, uniqueQueries));
				}
				if (!fieldChecks.isEmpty()) {
					checks.put(field, List.copyOf(fieldChecks));
				}
			});
			if (!checks.isEmpty()) {
				aggregates.put(aggregate, new Aggregate(Collections.unmodifiableMap(checks)));
			}
		});
		this.aggregates = Collections.unmodifiableMap(aggregates);
		this.beanValidation = beanValidation;
	}

	private static Map<String, ValidationRule> customRules(Collection<? extends ValidationRule> rules) {
		Map<String, ValidationRule> custom = new LinkedHashMap<>();
		for (ValidationRule rule : rules) {
			String name = rule.name();
			if (name == null || name.isBlank()) {
				throw new PluginConfigurationException("rules",
						"Custom rule " + rule.getClass().getName() + " has no name().");
			}
			if (FieldCheck.BUILT_IN.contains(name)) {
				throw new PluginConfigurationException("rules", "Custom rule " + rule.getClass().getName()
						+ " is named '" + name + "', the name of a built-in rule; choose another name().");
			}
			ValidationRule existing = custom.putIfAbsent(name, rule);
			if (existing != null) {
				throw new PluginConfigurationException("rules", "Two custom rules are named '" + name + "': "
						+ existing.getClass().getName() + " and " + rule.getClass().getName() + ".");
			}
		}
		return custom;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.VALIDATION;
	}

	/**
	 * The aggregates that have declared rules.
	 * @return the aggregate names, in manifest order
	 */
	public Set<String> aggregates() {
		return this.aggregates.keySet();
	}

	/**
	 * Check the rules of an aggregate against its entity class: every field must be a
	 * property, and every rule must fit the property's type ({@code min} a number,
	 * {@code length} text, {@code one-of} an enum's constants…).
	 * @param aggregate the aggregate name
	 * @param entityType the entity class the aggregate's repository manages
	 * @throws PluginConfigurationException naming the key of the first rule that does not
	 * fit, and why
	 */
	public void verify(String aggregate, Class<?> entityType) {
		Aggregate rules = this.aggregates.get(aggregate);
		if (rules != null) {
			rules.verify(entityType);
		}
	}

	@Override
	public void beforeWrite(BeforeWriteContext write) {
		if (write.op() == WriteOp.DELETE) {
			return;
		}
		List<Violation> violations = null;
		Aggregate aggregate = this.aggregates.get(write.aggregate());
		if (aggregate != null) {
			aggregate.verified(write.entity().getClass());
			for (Map.Entry<String, List<FieldCheck>> field : aggregate.fields.entrySet()) {
				violations = check(field.getKey(), field.getValue(), write, violations);
			}
		}
		if (this.beanValidation != null) {
			List<Violation> annotated = this.beanValidation.validate(write.entity());
			if (!annotated.isEmpty()) {
				violations = (violations != null) ? violations : new ArrayList<>();
				violations.addAll(annotated);
			}
		}
		if (violations != null) {
			throw new ValidationFailed(violations);
		}
	}

	private static @Nullable List<Violation> check(String field, List<FieldCheck> checks, BeforeWriteContext write,
			@Nullable List<Violation> violations) {
		Object value = write.get(field);
		boolean failed = false;
		for (FieldCheck check : checks) {
			if (failed && check.queries()) {
				continue;
			}
			List<Violation> found = check.check(value, write);
			if (!found.isEmpty()) {
				failed = true;
				violations = (violations != null) ? violations : new ArrayList<>();
				violations.addAll(found);
				if (check instanceof FieldCheck.Required) {
					break;
				}
			}
		}
		return violations;
	}

	@Override
	public String toString() {
		return "ValidationPlugin" + this.aggregates.keySet()
				+ ((this.beanValidation != null) ? " + bean validation" : "");
	}

	/**
	 * The checks of one aggregate's fields, and the entity classes they have been
	 * verified against.
	 */
	private static final class Aggregate {

		private final Map<String, List<FieldCheck>> fields;

		private final Set<Class<?>> verified = ConcurrentHashMap.newKeySet();

		Aggregate(Map<String, List<FieldCheck>> fields) {
			this.fields = fields;
		}

		void verify(Class<?> entityType) {
			EntityType type = EntityType.of(entityType);
			this.fields.forEach((field, checks) -> {
				if (!type.has(field)) {
					String closest = type.closest(field);
					throw new PluginConfigurationException(
							checks.get(0).key.substring(0, checks.get(0).key.indexOf('[')),
							"Unknown property '" + field + "' of " + type.name()
									+ ((closest != null) ? "; did you mean '" + closest + "'?" : ".") + " "
									+ type.describe() + ".");
				}
				checks.forEach((check) -> check.verify(type));
			});
			this.verified.add(entityType);
		}

		void verified(Class<?> entityType) {
			if (!this.verified.contains(entityType)) {
				try {
					verify(entityType);
				}
				catch (PluginConfigurationException ex) {
					throw new IllegalStateException(
							"Plugin '" + ID + "' cannot validate " + ex.key() + ": " + ex.getMessage(), ex);
				}
			}
		}

	}

}
