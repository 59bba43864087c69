package dev.plugboard.autoconfigure.immutablefields;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.immutablefields.ImmutableFieldsPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code immutable-fields} built-in's auto-configuration: absent unless listed, bound
 * from real YAML, and every configuration error stopping the boot with a clear failure
 * analysis.
 */
class ImmutableFieldsPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ImmutableFieldsPluginAutoConfiguration.class,
				PlugboardAutoConfiguration.class, PlugboardDataAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class))
		.withUserConfiguration(Entities.class);

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ImmutableFieldsPluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("immutable-fields");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ImmutableFieldsPluginDefinition.class));
	}

	@Test
	void listedPluginIsABuiltInBoundFromYaml() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    immutable-fields:
				      fields:
				        account: [email, ownerId]
				""")).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredPlugin registered = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(registered.id()).isEqualTo(ImmutableFieldsPlugin.ID);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			Account stored = new Account(1L, "ada@example.com", 7L, "Ada");
			assertThatExceptionOfType(ValidationFailed.class).isThrownBy(() -> PluginHarness.of(registered.plugin())
				.withPrevious(stored)
				.beforeWrite(WriteOp.UPDATE, "account", new Account(1L, "ada@example.com", 8L, "Ada")));
		});
	}

	@Test
	void aggregateThatNoRepositoryManagesStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.immutable-fields.fields.accounts=email")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'immutable-fields' configures the aggregate 'accounts' "
						+ "(plugboard.plugins.immutable-fields.fields.accounts), but no Spring Data repository "
						+ "manages an aggregate of that name."));
	}

	@Test
	void propertyTheEntityLacksStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.immutable-fields.fields.account=email,mail")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("Plugin 'immutable-fields' cannot use the value of 'fields.account[1]' "
							+ "(plugboard.plugins.immutable-fields.fields.account[1]). Account has no property "
							+ "'mail'; name one of its properties, as written in Java.");
				assertThat(analysis.getAction()).contains("plugboard.plugins.immutable-fields");
			});
	}

	@Test
	void nameThatIsNotAPropertyNameStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.immutable-fields.fields.account=owner-id")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("fields.account[0]")
				.contains("'owner-id' is not a Java property name"));
	}

	@Test
	void everyKeyHasIdeMetadata() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata
			.properties("plugboard.plugins.immutable-fields.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.immutable-fields.fields");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
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
	 * Scans this package's (nested) repositories.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableJdbcRepositories(considerNestedRepositories = true)
	static class Entities {

	}

}
