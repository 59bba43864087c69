package dev.plugboard.autoconfigure.validation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import dev.plugboard.builtin.validation.ValidationConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How Boot's binder reads the validation rules from real YAML: names and one-rule maps in
 * a list, aggregate names with underscores and Java property names in camel case.
 */
class ValidationPropertiesTests {

	@Test
	void everyRuleShapeBindsFromYaml() throws IOException {
		ValidationProperties properties = bind(
				"""
						plugboard:
						  plugins:
						    validation:
						      bean-validation: false
						      rules:
						        order_line:
						          unitPrice: [required, {min: 0.01}, {max: 1000, message: "too dear"}]
						          sku: [{pattern: "[A-Z]{3}-\\\\d+"}, {rule: sku-format, arguments: {prefix: AB}}, {unique: {column: sku_code}}]
						        users:
						          name: [required, {length: {min: 2, max: 50}}]
						          email: [required, email, unique]
						          status: [{one-of: [active, blocked]}]
						""");

		assertThat(properties.isBeanValidation()).isFalse();
		assertThat(properties.getRules()).containsOnlyKeys("order_line", "users");
		assertThat(properties.getRules().get("order_line")).containsOnlyKeys("unitPrice", "sku");
		ValidationConfig config = ValidationPluginDefinition.config(properties);
		assertThat(config.rules().get("order_line").get("unitPrice"))
			.extracting(ValidationConfig.Rule::name, ValidationConfig.Rule::arguments, ValidationConfig.Rule::message)
			.containsExactly(tuple("required", Map.of(), null),
					tuple("min", Map.of("value", new BigDecimal("0.01")), null),
					tuple("max", Map.of("value", new BigDecimal("1000")), "too dear"));
		assertThat(config.rules().get("order_line").get("sku"))
			.extracting(ValidationConfig.Rule::name, ValidationConfig.Rule::arguments)
			.containsExactly(tuple("pattern", Map.of("regexp", "[A-Z]{3}-\\d+")),
					tuple("sku-format", Map.of("prefix", "AB")), tuple("unique", Map.of("column", "sku_code")));
		assertThat(config.rules().get("users").get("name"))
			.extracting(ValidationConfig.Rule::name, ValidationConfig.Rule::arguments)
			.containsExactly(tuple("required", Map.of()), tuple("length", Map.of("min", 2, "max", 50)));
		assertThat(config.rules().get("users").get("email")).extracting(ValidationConfig.Rule::name)
			.containsExactly("required", "email", "unique");
		assertThat(config.rules().get("users").get("status")).singleElement()
			.satisfies((rule) -> assertThat(rule.arguments()).containsEntry("values", List.of("active", "blocked")));
	}

	@Test
	void beanValidationIsOnByDefault() throws IOException {
		assertThat(bind("plugboard.plugins.validation.rules: {}").isBeanValidation()).isTrue();
	}

	private static ValidationProperties bind(String yaml) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader()
			.load("application.yml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "application.yml"))
			.forEach(environment.getPropertySources()::addFirst);
		return Binder.get(environment).bindOrCreate("plugboard.plugins.validation", ValidationProperties.class);
	}

}
