package dev.plugboard.autoconfigure.validation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateConfigurationVerifier;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.builtin.validation.ValidationPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code validation} built-in's auto-configuration: absent unless listed, bound from
 * real YAML, wired to custom rules, the database and Bean Validation, and every
 * configuration error stopping the boot with a clear failure analysis.
 */
class ValidationPluginAutoConfigurationTests {

	private static final String MANIFEST = """
			plugboard:
			  plugins:
			    validation:
			      rules:
			        member:
			          email: [required, email, unique]
			          name: [required, {length: {min: 2, max: 50}}]
			          status: [{one-of: [active, blocked]}]
			          age: [{min: 18}, {max: 130, message: "age is at most 130"}]
			        product:
			          sku: [{rule: sku-format, arguments: {prefix: AB}}, {pattern: "[A-Z]{2}-\\\\d{1,4}"}]
			""";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ValidationPluginAutoConfiguration.class, PlugboardAutoConfiguration.class,
						PlugboardDataAutoConfiguration.class, DataSourceAutoConfiguration.class,
						DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
						DataJdbcRepositoriesAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withUserConfiguration(Entities.class, CustomRules.class);

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ValidationPluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("validation");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ValidationPluginDefinition.class)
				.doesNotHaveBean(AggregateConfigurationVerifier.class));
	}

	@Test
	void rulesBindFromYamlIntoAPluginThatReportsEveryFailingField() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml(MANIFEST)).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredPlugin registered = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(registered.id()).isEqualTo("validation");
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(((ValidationPlugin) registered.plugin()).aggregates()).containsExactly("member", "product");
			PluginHarness harness = PluginHarness.of(registered.plugin());
			assertThatExceptionOfType(ValidationFailed.class)
				.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "A", "nope", "gone", 150)))
				.satisfies((rejection) -> assertThat(rejection.violations())
					.extracting(Violation::field, Violation::code, Violation::message)
					.containsExactly(tuple("email", "email", "email must be a well-formed email address"),
							tuple("name", "length", "name must be between 2 and 50 characters long"),
							tuple("status", "one-of", "status must be one of active, blocked"),
							tuple("age", "max", "age is at most 130")));
			Product product = new Product();
			product.setName("Tea");
			product.setSku("XY-12345");
			assertThatExceptionOfType(ValidationFailed.class)
				.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, product))
				.satisfies((rejection) -> assertThat(rejection.violations())
					.extracting(Violation::field, Violation::code, Violation::message)
					.containsExactly(tuple("sku", "sku-format", "sku must look like AB-123"),
							tuple("sku", "pattern", "sku must match the pattern [A-Z]{2}-\\d{1,4}")));
		});
	}

	@Test
	void beanValidationIsOnWhenTheApplicationHasAValidator() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("plugboard.plugins.validation: {}"))
			.run((context) -> assertThat(nameViolations(context)).containsExactly("not-blank"));
	}

	@Test
	void beanValidationCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("plugboard.plugins.validation.bean-validation=false")
			.run((context) -> assertThat(nameViolations(context)).isEmpty());
	}

	@Test
	void withoutTheBeanValidationApiThePluginEnforcesItsRulesAlone() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.validation", "org.hibernate.validator"))
			.withConfiguration(
					AutoConfigurations.of(ValidationPluginAutoConfiguration.class, PlugboardAutoConfiguration.class))
			.withPropertyValues("plugboard.plugins.validation.rules.member.name[0]=required")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PluginHarness harness = PluginHarness
					.of(context.getBean(PluginRegistry.class).enabled().get(0).plugin());
				assertThatExceptionOfType(ValidationFailed.class)
					.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, " ", null, null, null)));
			});
	}

	private static List<String> nameViolations(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		PluginHarness harness = PluginHarness.of(context.getBean(PluginRegistry.class).enabled().get(0).plugin());
		Product product = new Product();
		product.setName(" ");
		try {
			harness.beforeWrite(WriteOp.INSERT, product);
			return List.of();
		}
		catch (ValidationFailed rejection) {
			return rejection.violations().stream().map(Violation::code).toList();
		}
	}

	@Test
	void unknownRuleStopsTheBootNamingItAndListingTheKnownRules() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    validation:
				      rules:
				        product:
				          sku: [required, sku-formt]
				""")).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Plugin 'validation' cannot use the value of "
					+ "'rules.product.sku[1]' (plugboard.plugins.validation.rules.product.sku[1]). Unknown rule "
					+ "'sku-formt'; did you mean 'sku-format'? The known rules are required, min, max, length, "
					+ "pattern, email, one-of, unique, sku-format (a custom rule is a ValidationRule bean, known by "
					+ "its name()).");
			assertThat(analysis.getAction()).isEqualTo("Fix 'rules.product.sku[1]' under "
					+ "'plugboard.plugins.validation', or remove 'validation' from the manifest.");
		});
	}

	@Test
	void misspeltRuleKeyStopsTheBootNamingTheKey() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    validation:
				      rules:
				        member:
				          name: [{lenght: {max: 5}}]
				""")).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.startsWith("Plugin 'validation' has an invalid value for 'rules.member.name':")
				.contains("Unknown keys: rules.member.name[0].lenght.max");
			assertThat(analysis.getAction()).isEqualTo("Correct or remove the unknown keys "
					+ "(rules.member.name[0].lenght.max) of plugin 'validation'; see the plugin's documentation for "
					+ "its keys.");
		});
	}

	@Test
	void twoRulesInOneElementStopTheBoot() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    validation:
				      rules:
				        member:
				          age: [{min: 1, max: 10}]
				"""))
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription()).endsWith(
					"(plugboard.plugins.validation.rules.member.age[0]). The list element holds 2 rules (min, max); "
							+ "write each as an element of its own, such as [{min: 1}, {max: 10}]."));
	}

	@Test
	void invalidRuleArgumentsStopTheBoot() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    validation:
				      rules:
				        member:
				          name: [{pattern: "[a-"}]
				"""))
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("(plugboard.plugins.validation.rules.member.name[0].pattern). Rule 'pattern' has '[a-', "
						+ "which is not a regular expression"));
	}

	@Test
	void unknownPropertyStopsTheBootWithTheClosestProperty() {
		this.contextRunner.withPropertyValues("plugboard.plugins.validation.rules.member.emial[0]=required")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'validation' cannot use the value of 'rules.member.emial' "
						+ "(plugboard.plugins.validation.rules.member.emial). Unknown property 'emial' of Member; "
						+ "did you mean 'email'? Member has the properties id, name, email, status, age."));
	}

	@Test
	void ruleThatDoesNotFitThePropertysTypeStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.validation.rules.member.name[0].min=1")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.endsWith("Rule 'min' applies to numbers, but Member.name is a String."));
	}

	@Test
	void aggregateThatNoRepositoryManagesStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.validation.rules.members.name[0]=required")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'validation' configures the aggregate 'members' "
						+ "(plugboard.plugins.validation.rules.members), but no Spring Data repository manages an "
						+ "aggregate of that name. The aggregates are member, product."));
	}

	@Test
	void uniqueWithoutADatabaseStopsTheBoot() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ValidationPluginAutoConfiguration.class, PlugboardAutoConfiguration.class))
			.withPropertyValues("plugboard.plugins.validation.rules.member.email[0]=unique")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("Rule 'unique' queries the table, but the validation plugin was given no database access"));
	}

	private static FailureAnalysis analysis(@Nullable Throwable failure) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ManifestException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("the ManifestException behind %s", failure).isInstanceOf(ManifestException.class);
		return BuiltInTesting.analyze(failure);
	}

	/**
	 * Registers this package for Spring Data JDBC's repository scanning.
	 */
	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class Entities {

	}

	/**
	 * The application's custom rule.
	 */
	@Configuration(proxyBeanMethods = false)
	static class CustomRules {

		@Bean
		SkuFormat skuFormat() {
			return new SkuFormat();
		}

	}

}
