package dev.plugboard.autoconfigure.bodylimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.bodylimit.BodyLimitPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code body-limit} built-in through its auto-configuration: created only when
 * listed, sizes and path limits bound from YAML, and a bad entry stopping the boot.
 */
class BodyLimitPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, BodyLimitPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginLimitsBodiesTo1MegabyteByDefault() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    body-limit: {}
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			PluginHarness harness = PluginHarness.of(registered.plugin());
			assertThat(harness.beforeRequest(TestRequest.post("/").body("text/plain", new byte[1024 * 1024])).passed())
				.isTrue();
			assertThat(
					harness.beforeRequest(TestRequest.post("/").body("text/plain", new byte[1024 * 1024 + 1])).status())
				.isEqualTo(413);
		});
	}

	@Test
	void sizesAndPathLimitsAreBoundFromYaml() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    body-limit:
				      max-size: 10B
				      limits:
				        - path: /uploads/**
				          max-size: 2KB
				""")).run((context) -> {
			PluginHarness harness = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin());
			assertThat(harness.beforeRequest(TestRequest.post("/orders").body("text/plain", new byte[11])).status())
				.isEqualTo(413);
			assertThat(
					harness.beforeRequest(TestRequest.post("/uploads/a").body("text/plain", new byte[2048])).passed())
				.isTrue();
		});
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner.withPropertyValues("plugboard.plugins.body-limit.enabled=false")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void limitWithoutSizeStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.body-limit.limits[0].path=/uploads/**")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.body-limit.limits[0].max-size"));
	}

	@Test
	void badPathPatternStopsTheBootSayingWhatToDo() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.body-limit.limits[0].path=/files/{name",
					"plugboard.plugins.body-limit.limits[0].max-size=1MB")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.body-limit.limits[0].path")
				.contains("not a Spring path pattern"));
	}

	@Test
	void sizeThatDoesNotBindStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.body-limit.max-size=huge")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.body-limit.max-size"));
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		assertThat(GeneratedMetadata.properties("plugboard.plugins.body-limit."))
			.containsOnlyKeys("plugboard.plugins.body-limit.max-size", "plugboard.plugins.body-limit.limits")
			.allSatisfy((name, property) -> assertThat((String) property.get("description")).isNotBlank())
			.hasEntrySatisfying("plugboard.plugins.body-limit.max-size",
					(property) -> assertThat(property).containsEntry("defaultValue", "1MB"));
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(BodyLimitPlugin.ID);
		return registry.enabled().get(0);
	}

}
