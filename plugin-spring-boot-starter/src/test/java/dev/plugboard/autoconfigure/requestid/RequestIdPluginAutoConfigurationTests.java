package dev.plugboard.autoconfigure.requestid;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.PluginDefinition;
import dev.plugboard.PluginOrder;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.requestid.RequestIdPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code request-id} built-in through its auto-configuration: created only when
 * listed, bound from its keys, and a bad value stopping the boot with an explanation.
 */
class RequestIdPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, RequestIdPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginIsAFirstBuiltInWithTheDefaults() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    request-id: {}
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(registered.order()).isEqualTo(PluginOrder.REQUEST_ID);
			RequestResult result = PluginHarness.of(registered.plugin())
				.beforeRequest(TestRequest.get("/").header("X-Request-Id", "kept"));
			assertThat(result.header("X-Request-Id")).isEqualTo("kept");
		});
	}

	@Test
	void keysAreBound() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    request-id:
				      header: X-Correlation-Id
				      max-length: 4
				""")).run((context) -> {
			PluginHarness harness = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin());
			assertThat(harness.beforeRequest(TestRequest.get("/").header("X-Correlation-Id", "abcd")).requestId())
				.isEqualTo("abcd");
			assertThat(harness.beforeRequest(TestRequest.get("/").header("X-Correlation-Id", "abcde")).requestId())
				.hasSize(32);
		});
		this.contextRunner.withPropertyValues("plugboard.plugins.request-id.accept-incoming=false")
			.run((context) -> assertThat(PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
				.beforeRequest(TestRequest.get("/").header("X-Request-Id", "chosen"))
				.requestId()).hasSize(32));
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner.withPropertyValues("plugboard.plugins.request-id.enabled=false")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void invalidHeaderStopsTheBootSayingWhatToDo() {
		this.contextRunner.withPropertyValues("plugboard.plugins.request-id.header=X Request Id").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = BuiltInTesting.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("plugboard.plugins.request-id.header")
				.contains("not an HTTP header name");
			assertThat(analysis.getAction()).isNotBlank();
		});
	}

	@Test
	void outOfRangeLengthStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.request-id.max-length=1000")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.request-id.max-length"));
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		assertThat(GeneratedMetadata.properties("plugboard.plugins.request-id."))
			.containsOnlyKeys("plugboard.plugins.request-id.header", "plugboard.plugins.request-id.mdc-key",
					"plugboard.plugins.request-id.max-length", "plugboard.plugins.request-id.accept-incoming")
			.allSatisfy((name, property) -> assertThat((String) property.get("description")).isNotBlank())
			.hasEntrySatisfying("plugboard.plugins.request-id.header",
					(property) -> assertThat(property).containsEntry("defaultValue", "X-Request-Id"))
			.hasEntrySatisfying("plugboard.plugins.request-id.max-length",
					(property) -> assertThat(property).containsEntry("defaultValue", 64));
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(RequestIdPlugin.ID);
		return registry.enabled().get(0);
	}

}
