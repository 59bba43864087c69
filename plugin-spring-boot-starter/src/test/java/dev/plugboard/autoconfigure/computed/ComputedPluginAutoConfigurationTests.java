package dev.plugboard.autoconfigure.computed;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.support.Repositories;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateConfigurationVerifier;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.builtin.computed.ComputedPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The {@code computed} built-in's auto-configuration: absent unless listed, created from
 * its manifest entry, and every configuration error stopping the boot with a clear
 * failure analysis.
 */
class ComputedPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ComputedPluginAutoConfiguration.class,
				PlugboardAutoConfiguration.class, PlugboardDataAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class))
		.withUserConfiguration(Entities.class);

	@TempDir
	Path directory;

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ComputedPluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("computed");
		});
	}

	@Test
	void pluginIsCreatedWhenListedAsABuiltIn() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    computed:
				      fields:
				        order_line:
				          total: "#round(quantity * unitPrice, 2)"
				""")).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredPlugin plugin = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(plugin.id()).isEqualTo("computed");
			assertThat(plugin.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(plugin.plugin()).isInstanceOfSatisfying(ComputedPlugin.class,
					(computed) -> assertThat(computed.aggregates()).containsExactly("order_line"));
		});
	}

	@Test
	void pluginListedWithoutFieldsDoesNothing() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    computed: {}
				""")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PluginRegistry.class).enabled()).singleElement()
				.satisfies((plugin) -> assertThat(((ComputedPlugin) plugin.plugin()).aggregates()).isEmpty());
		});
	}

	@Test
	void pluginDisabledInTheManifestIsNotCreated() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.computed.enabled=false",
					"plugboard.plugins.computed.fields.order_line.total=nosuchproperty")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty();
			});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ComputedPluginDefinition.class)
				.doesNotHaveBean(AggregateConfigurationVerifier.class));
	}

	@Test
	void expressionThatDoesNotParseStopsTheBootWithItsKeyAndPosition() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.computed.fields.order_line.total=quantity * * unitPrice")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("Plugin 'computed' cannot use the value of 'fields.order_line.total' "
							+ "(plugboard.plugins.computed.fields.order_line.total). Cannot parse "
							+ "'quantity * * unitPrice' at position 9: EL1042E: Problem parsing right operand.");
				assertThat(analysis.getAction()).isEqualTo(
						"Fix 'fields.order_line.total' under 'plugboard.plugins.computed', or remove 'computed' from the manifest.");
			});
	}

	@Test
	void unknownPropertyStopsTheBootWithItsPositionAndTheClosestProperty() {
		this.contextRunner.withPropertyValues("plugboard.plugins.computed.fields.order_line.total=quantty * unitPrice")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("Plugin 'computed' cannot use the value of 'fields.order_line.total' "
							+ "(plugboard.plugins.computed.fields.order_line.total). Unknown property 'quantty' "
							+ "at position 0 in 'quantty * unitPrice'; did you mean 'quantity'? "
							+ "OrderLine has the properties id, product, quantity, unitPrice, total.");
			});
	}

	@Test
	void unknownComputedPropertyStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.computed.fields.order_line.totl=quantity * unitPrice")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("(plugboard.plugins.computed.fields.order_line.totl). Unknown property 'totl' of "
						+ "OrderLine to compute; did you mean 'total'?"));
	}

	@Test
	void aggregateThatNoRepositoryManagesStopsTheBootListingTheKnownOnes() {
		this.contextRunner.withPropertyValues("plugboard.plugins.computed.fields.order_lines.total=quantity")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Plugin 'computed' configures the aggregate "
						+ "'order_lines' (plugboard.plugins.computed.fields.order_lines), but no Spring Data repository "
						+ "manages an aggregate of that name. The aggregates are invoice, order_line.");
				assertThat(analysis.getAction()).isEqualTo("Name the aggregate as its table (such as invoice) under "
						+ "'plugboard.plugins.computed.fields', or add a repository for its entity.");
			});
	}

	static Stream<Arguments> refusedExpressions() {
		return Stream.of(
				arguments("T(java.lang.Runtime).getRuntime().exec('touch MARKER')",
						"a type reference (T(...)) at position 0"),
				arguments("new java.io.File('MARKER').createNewFile()", "a constructor call (new ...) at position 0"),
				arguments("@plugboardComputedPluginDefinition", "a bean reference (@...) at position 1"),
				arguments("getClass().forName('java.lang.Runtime')", "a method call ('getClass(...)') at position 0"),
				arguments("''.getClass()", "a method call ('getClass(...)') at position 3"),
				arguments("total = 1", "an assignment at position 6"));
	}

	@ParameterizedTest
	@MethodSource("refusedExpressions")
	void dangerousExpressionStopsTheBootAndNothingRuns(String expression, String refusal) {
		Path marker = this.directory.resolve("x");
		String source = expression.replace("MARKER", marker.toString());
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    computed:
				      fields:
				        order_line:
				          total: "%s"
				""".formatted(source.replace("\"", "\\\"")))).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.startsWith("Plugin 'computed' cannot use the value of 'fields.order_line.total' "
						+ "(plugboard.plugins.computed.fields.order_line.total). '" + source + "' uses " + refusal
						+ ", which is not allowed: computed expressions may only read the entity's own properties");
		});
		assertThat(marker).doesNotExist();
	}

	@Test
	void withoutSpringDataTheExpressionsAreCheckedOnTheFirstWrite() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ComputedPluginAutoConfiguration.class, PlugboardAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(Repositories.class))
			.withPropertyValues("plugboard.plugins.computed.fields.order_line.total=quantty * unitPrice")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(AggregateConfigurationVerifier.class);
				assertThat(context.getBean(PluginRegistry.class).enabled()).singleElement()
					.satisfies((plugin) -> assertThat(plugin.id()).isEqualTo("computed"));
			});
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

}
