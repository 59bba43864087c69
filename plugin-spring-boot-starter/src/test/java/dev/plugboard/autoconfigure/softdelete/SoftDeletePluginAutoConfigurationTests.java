package dev.plugboard.autoconfigure.softdelete;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

import dev.plugboard.RoutesPlugin;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.softdelete.SoftDeletePlugin;
import dev.plugboard.builtin.softdelete.SoftDeleteStore;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.BeforeWriteResult;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code soft-delete} built-in's auto-configuration: absent unless listed, the
 * application's clock, routes only with a role, and configuration errors stopping the
 * boot.
 */
class SoftDeletePluginAutoConfigurationTests {

	private static final Instant NOW = Instant.parse("2025-06-15T12:30:45Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SoftDeletePluginAutoConfiguration.class,
				PlugboardAutoConfiguration.class, PlugboardDataAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class))
		.withUserConfiguration(Entities.class);

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SoftDeletePluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("soft-delete");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SoftDeletePluginDefinition.class));
	}

	@Test
	void listedPluginUsesTheApplicationsClockAndMountsNoRoutesWithoutARole() {
		this.contextRunner.withUserConfiguration(ClockConfiguration.class)
			.withPropertyValues("plugboard.plugins.soft-delete.enabled=true")
			.run((context) -> {
				RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
				assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
				assertThat(registered.plugin()).isNotInstanceOf(RoutesPlugin.class);
				Memo stored = new Memo(1L, "text", null);
				BeforeWriteResult<Memo> result = PluginHarness.of(registered.plugin())
					.withPrevious(stored)
					.beforeWriteResult(WriteOp.DELETE, "memo", stored);
				assertThat(result.op()).isEqualTo(WriteOp.UPDATE);
				assertThat(result.entity().deletedAt()).isEqualTo(NOW);
			});
	}

	@Test
	void roleMountsTheRoutesUnderTheBasePath() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    soft-delete:
				      aggregates: [memo]
				      role: ADMIN
				      base-path: /admin/trash
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.plugin()).isInstanceOf(RoutesPlugin.class);
			assertThat(((SoftDeletePlugin) registered.plugin()).aggregates()).containsExactly("memo");
			assertThat(PluginHarness.of(registered.plugin())
				.route(dev.plugboard.test.TestRequest.post("/admin/trash/memo/1/restore"))
				.status()).isEqualTo(401);
		});
	}

	@Test
	void applicationsStoreReplacesTheDefaultOne() {
		this.contextRunner.withUserConfiguration(StoreConfiguration.class)
			.withPropertyValues("plugboard.plugins.soft-delete.role=ADMIN")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SoftDeleteStore.class)).isSameAs(StoreConfiguration.STORE);
			});
	}

	@Test
	void listedAggregateWithoutTheFieldStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.soft-delete.aggregates=sticker")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("Aggregate 'sticker' is soft-deleted, but Sticker has no property 'deletedAt'"));
	}

	@Test
	void badValuesStopTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.soft-delete.field=deleted-at")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.soft-delete.field"));
		this.contextRunner
			.withPropertyValues("plugboard.plugins.soft-delete.role=ADMIN",
					"plugboard.plugins.soft-delete.base-path=trash")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.soft-delete.base-path"));
	}

	@Test
	void routesWithoutADatabaseStopTheBoot() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SoftDeletePluginAutoConfiguration.class, PlugboardAutoConfiguration.class))
			.withPropertyValues("plugboard.plugins.soft-delete.role=ADMIN")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("The restore and purge routes need database access"));
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.soft-delete.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.soft-delete.field",
				"plugboard.plugins.soft-delete.aggregates", "plugboard.plugins.soft-delete.role",
				"plugboard.plugins.soft-delete.base-path");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.soft-delete.field")).contains(entry("defaultValue", "deletedAt"));
		assertThat(properties.get("plugboard.plugins.soft-delete.base-path"))
			.contains(entry("defaultValue", "/soft-delete"));
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(SoftDeletePlugin.ID);
		return registry.enabled().get(0);
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

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		static final SoftDeleteStore STORE = new SoftDeleteStore() {

			@Override
			public boolean restore(String aggregate, String id) {
				return false;
			}

			@Override
			public boolean purge(String aggregate, String id) {
				return false;
			}

		};

		@Bean
		SoftDeleteStore store() {
			return STORE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
