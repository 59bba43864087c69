package dev.plugboard.autoconfigure.cors;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.cors.CorsPlugin;
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
 * The {@code cors} built-in through its auto-configuration: created only when listed,
 * bound from YAML with its mappings, and bad values stopping the boot.
 */
class CorsPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, CorsPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginIsABuiltInBoundFromYaml() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    cors:
				      allowed-origins: [https://app.example.com]
				      allowed-methods: [GET, POST, DELETE]
				      allow-credentials: true
				      max-age: 120
				      mappings:
				        - paths: [/public/**]
				          allowed-origins: ["*"]
				          allow-credentials: false
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(registered.order()).isEqualTo(200);
			PluginHarness harness = PluginHarness.of(registered.plugin());
			RequestResult preflight = harness.beforeRequest(preflight("/orders", "https://app.example.com", "DELETE"));
			assertThat(preflight.status()).isEqualTo(204);
			assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("120");
			assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
			RequestResult open = harness.beforeRequest(preflight("/public/a", "https://x.example.org", "GET"));
			assertThat(open.header("Access-Control-Allow-Origin")).isEqualTo("*");
		});
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.cors.enabled=false",
					"plugboard.plugins.cors.allowed-origins=https://a.example.com")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void entryWithoutOriginsStopsTheBootSayingWhatToAdd() {
		this.contextRunner.withPropertyValues("plugboard.plugins.cors.allow-credentials=true")
			.run((context) -> assertThat(manifestFailure(context)).satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.MISSING_KEY);
				assertThat(ex.pluginId()).isEqualTo("cors");
				assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
					.contains("plugboard.plugins.cors.allowed-origins")
					.contains("allowed-origin-patterns");
			}));
	}

	@Test
	void credentialsForEveryOriginStopTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.cors.allowed-origins=*",
					"plugboard.plugins.cors.allow-credentials=true")
			.run((context) -> {
				ManifestException ex = manifestFailure(context);
				assertThat(ex.problem()).isEqualTo(Problem.INVALID_VALUE);
				assertThat(ex.description()).contains("plugboard.plugins.cors.allow-credentials")
					.contains("browsers refuse it");
			});
	}

	@Test
	void badMappingValueStopsTheBootNamingIt() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    cors:
				      allowed-origins: [https://app.example.com]
				      mappings:
				        - paths: [/x/**]
				          allowed-origins: [https://b.example.com/path]
				"""))
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.cors.mappings[0].allowed-origins")
				.contains("is not an origin"));
	}

	@Test
	void nothingIsDefinedWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginDefinition.class));
	}

	@Test
	void everyKeyHasMetadata() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.cors.");
		assertThat(properties).containsKeys("plugboard.plugins.cors.paths", "plugboard.plugins.cors.allowed-origins",
				"plugboard.plugins.cors.allowed-origin-patterns", "plugboard.plugins.cors.allowed-methods",
				"plugboard.plugins.cors.allowed-headers", "plugboard.plugins.cors.exposed-headers",
				"plugboard.plugins.cors.allow-credentials", "plugboard.plugins.cors.max-age",
				"plugboard.plugins.cors.mappings");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.cors.allow-credentials")).contains(entry("defaultValue", false));
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
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(CorsPlugin.ID);
		return registry.enabled().get(0);
	}

	private static TestRequest preflight(String path, String origin, String method) {
		return TestRequest.options(path).header("Origin", origin).header("Access-Control-Request-Method", method);
	}

}
