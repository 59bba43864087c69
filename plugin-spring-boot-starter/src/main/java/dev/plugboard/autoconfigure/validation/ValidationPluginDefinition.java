package dev.plugboard.autoconfigure.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.util.ClassUtils;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.validation.BeanValidation;
import dev.plugboard.builtin.validation.TableMapping;
import dev.plugboard.builtin.validation.UniqueQueries;
import dev.plugboard.builtin.validation.ValidationConfig;
import dev.plugboard.builtin.validation.ValidationPlugin;
import dev.plugboard.builtin.validation.ValidationRule;

/**
 * Creates the {@code validation} built-in from its manifest entry, with the application's
 * custom {@link ValidationRule} beans, its {@link JdbcOperations} for the {@code unique}
 * rule, and its Bean Validation {@code Validator}.
 */
final class ValidationPluginDefinition implements PluginDefinition<ValidationProperties> {

	private static final String JAKARTA_VALIDATOR = "jakarta.validation.Validator";

	private static final String RELATIONAL_MAPPING_CONTEXT = "org.springframework.data.relational.core.mapping.RelationalMappingContext";

	private final ObjectProvider<ValidationRule> customRules;

	private final ObjectProvider<JdbcOperations> jdbc;

	private final ObjectProvider<TableMapping> tables;

	private final BeanFactory beanFactory;

	ValidationPluginDefinition(ObjectProvider<ValidationRule> customRules, ObjectProvider<JdbcOperations> jdbc,
			ObjectProvider<TableMapping> tables, BeanFactory beanFactory) {
		this.customRules = customRules;
		this.jdbc = jdbc;
		this.tables = tables;
		this.beanFactory = beanFactory;
	}

	@Override
	public String id() {
		return ValidationPlugin.ID;
	}

	@Override
	public Class<ValidationProperties> configurationType() {
		return ValidationProperties.class;
	}

	@Override
	public Plugin create(ValidationProperties configuration) {
		ValidationConfig config = config(configuration);
		UniqueQueries uniqueQueries = usesUnique(config) ? uniqueQueries() : null;
		BeanValidation beanValidation = (configuration.isBeanValidation()
				&& ClassUtils.isPresent(JAKARTA_VALIDATOR, getClass().getClassLoader()))
						? BeanValidators.find(this.beanFactory) : null;
		return new ValidationPlugin(config, this.customRules.orderedStream().toList(), uniqueQueries, beanValidation);
	}

	private @Nullable UniqueQueries uniqueQueries() {
		JdbcOperations operations = this.jdbc.getIfUnique();
		if (operations == null) {
			return null;
		}
		TableMapping mapping = this.tables.getIfAvailable(this::defaultTableMapping);
		return new UniqueQueries(operations, mapping);
	}

	private TableMapping defaultTableMapping() {
		return ClassUtils.isPresent(RELATIONAL_MAPPING_CONTEXT, getClass().getClassLoader())
				? new RelationalTableMapping(this.beanFactory) : TableMapping.conventional();
	}

	private static boolean usesUnique(ValidationConfig config) {
		return config.rules()
			.values()
			.stream()
			.flatMap((fields) -> fields.values().stream())
			.flatMap(List::stream)
			.anyMatch((rule) -> rule.name().equals("unique"));
	}

	static ValidationConfig config(ValidationProperties properties) {
		Map<String, Map<String, List<ValidationConfig.Rule>>> rules = new LinkedHashMap<>();
		properties.getRules().forEach((aggregate, fields) -> {
			Map<String, List<ValidationConfig.Rule>> fieldRules = new LinkedHashMap<>();
			fields.forEach((field, declared) -> {
				List<ValidationConfig.Rule> converted = new ArrayList<>();
				for (int i = 0; i < declared.size(); i++) {
					converted.add(rule("rules." + aggregate + "." + field + "[" + i + "]", declared.get(i)));
				}
				fieldRules.put(field, converted);
			});
			rules.put(aggregate, fieldRules);
		});
		return new ValidationConfig(rules);
	}

	private static ValidationConfig.Rule rule(String key, ValidationProperties.@Nullable Rule declared) {
		if (declared == null) {
			throw new PluginConfigurationException(key,
					"The rule is empty; write a rule such as required, {min: 0} or {length: {max: 50}}.");
		}
		List<ValidationConfig.Rule> rules = new ArrayList<>(1);
		if (declared.getRule() != null) {
			rules.add(ValidationConfig.Rule.of(declared.getRule(), new LinkedHashMap<>(declared.getArguments())));
		}
		if (declared.getMin() != null) {
			rules.add(ValidationConfig.Rule.min(declared.getMin()));
		}
		if (declared.getMax() != null) {
			rules.add(ValidationConfig.Rule.max(declared.getMax()));
		}
		if (declared.getLength() != null) {
			rules.add(ValidationConfig.Rule.length(declared.getLength().getMin(), declared.getLength().getMax()));
		}
		if (declared.getPattern() != null) {
			rules.add(ValidationConfig.Rule.pattern(declared.getPattern()));
		}
		if (declared.getOneOf() != null) {
			rules.add(ValidationConfig.Rule.oneOf(declared.getOneOf().toArray(String[]::new)));
		}
		if (declared.getUnique() != null) {
			String column = declared.getUnique().getColumn();
			rules.add((column != null) ? ValidationConfig.Rule.unique(column) : ValidationConfig.Rule.unique());
		}
		if (rules.size() != 1) {
			throw new PluginConfigurationException(key,
					rules.isEmpty()
							? "The rule is empty; write a rule such as required, {min: 0} or {length: {max: 50}}."
							: "The list element holds " + rules.size() + " rules ("
									+ String.join(", ", rules.stream().map(ValidationConfig.Rule::name).toList())
									+ "); write each as an element of its own, such as [{min: 1}, {max: 10}].");
		}
		if (!declared.getArguments().isEmpty() && declared.getRule() == null) {
			throw new PluginConfigurationException(key,
					"'arguments' belong to a custom rule; write {rule: <name>, arguments: {...}}.");
		}
		ValidationConfig.Rule rule = rules.get(0);
		return (declared.getMessage() != null) ? rule.withMessage(declared.getMessage()) : rule;
	}

	/**
	 * Finds the application's Bean Validation validator; loaded only when the Jakarta
	 * Validation API is on the classpath.
	 */
	private static final class BeanValidators {

		static @Nullable BeanValidation find(BeanFactory beanFactory) {
			jakarta.validation.Validator validator = beanFactory.getBeanProvider(jakarta.validation.Validator.class)
				.getIfUnique();
			return (validator != null) ? BeanValidation.of(validator) : null;
		}

	}

}
