package dev.plugboard.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import dev.plugboard.OnError;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

class PluginRegistryFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class));

	@Test
	void applicationPluginRunsWithoutAnEntry() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class).run((context) -> {
			RegisteredPlugin greeter = context.getBean(PluginRegistry.class).all().get(0);
			assertThat(greeter.id()).isEqualTo("greeter");
			assertThat(greeter.enabled()).isTrue();
			assertThat(greeter.source()).isEqualTo(PluginSource.APPLICATION);
		});
	}

	@Test
	void enabledFalseTurnsAnApplicationPluginOffButKeepsItInTheRegistry() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class)
			.withPropertyValues("plugboard.plugins.greeter.enabled=false")
			.run((context) -> {
				PluginRegistry registry = context.getBean(PluginRegistry.class);
				assertThat(registry.all()).extracting(RegisteredPlugin::id).containsExactly("greeter");
				assertThat(registry.enabled()).isEmpty();
				assertThat(context.getBean(PluginRuntime.class).hasBeforeRequestHooks()).isFalse();
			});
	}

	@Test
	void definitionIsNotCreatedUnlessListed() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class).run((context) -> {
			assertThat(context.getBean(Plugins.WebhookDefinition.class).created).hasValue(0);
			PluginRegistry registry = context.getBean(PluginRegistry.class);
			assertThat(registry.all()).isEmpty();
			assertThat(registry.knownIds()).containsExactly("rate-limit", "webhook");
		});
	}

	@Test
	void definitionIsNotCreatedWhenItsEntryIsDisabled() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class)
			.withPropertyValues("plugboard.plugins.webhook.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(Plugins.WebhookDefinition.class).created).hasValue(0);
				assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			});
	}

	@Test
	void listedDefinitionIsCreatedWithItsEntryBoundToARecord() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class).withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    webhook:
				      url: https://hooks.example.com/orders
				      retries: 3
				      timeout: 2s
				      order: 1100
				      on-error: fail-closed
				""")).run((context) -> {
			RegisteredPlugin webhook = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(webhook.id()).isEqualTo("webhook");
			assertThat(webhook.source()).isEqualTo(PluginSource.LIBRARY);
			assertThat(webhook.order()).isEqualTo(1100);
			assertThat(webhook.onError()).isEqualTo(OnError.FAIL_CLOSED);
			assertThat(((Plugins.Configured) webhook.plugin()).configuration())
				.isEqualTo(new Plugins.WebhookConfig("https://hooks.example.com/orders", 3, Duration.ofSeconds(2)));
		});
	}

	@Test
	void placeholdersInAnEntryAreResolvedFromTheEnvironment() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class)
			.withPropertyValues("hooks.host=hooks.example.com")
			.withInitializer(YamlManifest.yaml("""
					plugboard:
					  plugins:
					    webhook:
					      url: https://${hooks.host}/orders
					      retries: ${HOOK_RETRIES_NOT_SET_ANYWHERE:5}
					"""))
			.run((context) -> assertThat(
					((Plugins.Configured) context.getBean(PluginRegistry.class).enabled().get(0).plugin())
						.configuration())
				.isEqualTo(new Plugins.WebhookConfig("https://hooks.example.com/orders", 5, null)));
	}

	@Test
	void listedDefinitionIsCreatedWithItsEntryBoundToAJavaBean() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class).withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    rate-limit:
				      capacity: 100
				      on-full: queue-up
				""")).run((context) -> {
			Plugins.RateLimitConfig config = configuration(context.getBean(PluginRegistry.class), "rate-limit");
			assertThat(config.getCapacity()).isEqualTo(100);
			assertThat(config.getOnFull()).isEqualTo(Plugins.RateLimitConfig.OnFull.QUEUE_UP);
		});
	}

	@Test
	void enabledFalseFromAHigherSourceTurnsOffAPluginListedAsAnEmptyEntry() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class).withInitializer((context) -> {
			YamlManifest.yaml("""
					plugboard:
					  plugins:
					    greeter: {}
					""").initialize(context);
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			sources.addLast(sources.remove("application.yml"));
			sources.addFirst(
					new MapPropertySource("commandLineArgs", Map.of("plugboard.plugins.greeter.enabled", "false")));
		}).run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void definitionListedWithAnEmptyEntryGetsTheDefaultConfiguration() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class).withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    rate-limit: {}
				""")).run((context) -> {
			Plugins.RateLimitConfig config = configuration(context.getBean(PluginRegistry.class), "rate-limit");
			assertThat(config.getCapacity()).isEqualTo(10);
		});
	}

	@Test
	void definitionListedWithUnderscoresIsBoundFromThatEntry() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class).withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    rate_limit:
				      capacity: 3
				""")).run((context) -> {
			Plugins.RateLimitConfig config = configuration(context.getBean(PluginRegistry.class), "rate-limit");
			assertThat(config.getCapacity()).isEqualTo(3);
		});
	}

	@Test
	void definitionInPlugboardsBuiltInPackageIsReportedAsBuiltIn() {
		this.contextRunner.withUserConfiguration(BuiltInConfiguration.class)
			.withPropertyValues("plugboard.plugins.fixture=")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).all().get(0).source())
				.isEqualTo(PluginSource.BUILT_IN));
	}

	@Test
	void twoDefinitionsWithOneIdStopTheBoot() {
		this.contextRunner.withUserConfiguration(DefinitionConfiguration.class, SecondWebhookConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(ManifestException.class, (ex) -> {
					assertThat(ex.problem()).isEqualTo(Problem.DUPLICATE_ID);
					assertThat(ex.description()).contains("'webhook'");
				}));
	}

	@SuppressWarnings("unchecked")
	private static <C> C configuration(PluginRegistry registry, String id) {
		RegisteredPlugin plugin = registry.all().stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
		return (C) ((Plugins.Configured) plugin.plugin()).configuration();
	}

	@Configuration(proxyBeanMethods = false)
	static class GreeterConfiguration {

		@Bean
		Plugins.Noop greeter() {
			return new Plugins.Noop("greeter");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DefinitionConfiguration {

		@Bean
		Plugins.WebhookDefinition webhookDefinition() {
			return new Plugins.WebhookDefinition();
		}

		@Bean
		Plugins.RateLimitDefinition rateLimitDefinition() {
			return new Plugins.RateLimitDefinition();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondWebhookConfiguration {

		@Bean
		Plugins.WebhookDefinition secondWebhookDefinition() {
			return new Plugins.WebhookDefinition();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BuiltInConfiguration {

		@Bean
		dev.plugboard.builtin.fixture.FixtureDefinition fixtureDefinition() {
			return new dev.plugboard.builtin.fixture.FixtureDefinition();
		}

	}

}
