package dev.plugboard.autoconfigure.maintenance;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.maintenance.MaintenanceModePlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code maintenance-mode} built-in through its auto-configuration: the plugin and
 * its endpoint created only when listed, the initial state from the manifest, and bad
 * values stopping the boot.
 */
class MaintenanceModePluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PlugboardAutoConfiguration.class, MaintenanceModePluginAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=maintenance");

	@Test
	void pluginAndEndpointAreAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context).doesNotHaveBean(MaintenanceEndpoint.class);
		});
	}

	@Test
	void listedPluginIsABuiltInOffByDefaultWithItsEndpoint() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    maintenance-mode: {}
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(registered.order()).isEqualTo(550);
			assertThat(((MaintenanceModePlugin) registered.plugin()).isActive()).isFalse();
			MaintenanceEndpoint endpoint = context.getBean(MaintenanceEndpoint.class);
			assertThat(endpoint.maintenance().active()).isFalse();
			endpoint.switchMaintenance(true);
			RequestResult refused = PluginHarness.of(registered.plugin()).beforeRequest(TestRequest.get("/orders"));
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).isEqualTo("300");
		});
	}

	@Test
	void initialStateAndValuesComeFromTheManifest() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    maintenance_mode:
				      active: true
				      retry-after: 2m
				      message: Upgrading the database
				""")).run((context) -> {
			RequestResult refused = PluginHarness.of(plugin(context).plugin()).beforeRequest(TestRequest.get("/a"));
			assertThat(refused.header("Retry-After")).isEqualTo("120");
			assertThat(refused.rejection().detail()).isEqualTo("Upgrading the database");
			assertThat(context).hasSingleBean(MaintenanceEndpoint.class);
		});
	}

	@Test
	void disabledEntryCreatesNeitherPluginNorEndpoint() {
		this.contextRunner.withPropertyValues("plugboard.plugins.maintenance-mode.enabled=false").run((context) -> {
			assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty();
			assertThat(context).doesNotHaveBean(MaintenanceEndpoint.class);
		});
	}

	@Test
	void endpointIsAbsentUnlessExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class,
					MaintenanceModePluginAutoConfiguration.class))
			.withPropertyValues("plugboard.plugins.maintenance-mode.active=false")
			.run((context) -> {
				assertThat(context.getBean(PluginRegistry.class).enabled()).hasSize(1);
				assertThat(context).doesNotHaveBean(MaintenanceEndpoint.class);
			});
	}

	@Test
	void pluginWorksWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("plugboard.plugins.maintenance-mode.active=true")
			.run((context) -> {
				assertThat(context.getBean(PluginRegistry.class).enabled()).hasSize(1);
				assertThat(context).doesNotHaveBean(MaintenanceEndpoint.class);
			});
	}

	@Test
	void negativeRetryAfterStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.maintenance-mode.retry-after=-5").run((context) -> {
			ManifestException ex = manifestFailure(context);
			assertThat(ex.problem()).isEqualTo(Problem.INVALID_VALUE);
			assertThat(ex.description()).contains("plugboard.plugins.maintenance-mode.retry-after");
		});
	}

	@Test
	void everyKeyHasMetadata() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata
			.properties("plugboard.plugins.maintenance-mode.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.maintenance-mode.active",
				"plugboard.plugins.maintenance-mode.retry-after", "plugboard.plugins.maintenance-mode.allowed-paths",
				"plugboard.plugins.maintenance-mode.allowed-roles", "plugboard.plugins.maintenance-mode.message");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.maintenance-mode.active")).contains(entry("defaultValue", false));
	}

	static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ManifestException manifest) {
				return manifest;
			}
		}
		throw new AssertionError("Boot did not stop with a manifest problem", context.getStartupFailure());
	}

	private static RegisteredPlugin plugin(AssertableApplicationContext context) {
		PluginRegistry registry = context.getBean(PluginRegistry.class);
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(MaintenanceModePlugin.ID);
		return registry.enabled().get(0);
	}

}
