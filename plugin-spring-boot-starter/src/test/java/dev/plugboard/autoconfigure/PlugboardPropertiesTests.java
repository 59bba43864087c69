package dev.plugboard.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.OnError;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

class PlugboardPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class))
		.withUserConfiguration(PluginConfiguration.class);

	@Test
	void commonKeysBindToThePluginsEntry() {
		this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    audit-log:
				      order: 5
				      entities: [order, invoice]
				      on-error: fail-closed
				""")).run((context) -> {
			RegisteredPlugin audit = plugin(context, "audit-log");
			assertThat(audit.enabled()).isTrue();
			assertThat(audit.order()).isEqualTo(5);
			assertThat(audit.entities()).containsExactlyInAnyOrder("order", "invoice");
			assertThat(audit.onError()).isEqualTo(OnError.FAIL_CLOSED);
		});
	}

	@Test
	void onErrorAcceptsFailOpen() {
		this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    rate-limit:
				      on-error: fail-open
				"""))
			.run((context) -> assertThat(plugin(context, "rate-limit").onError()).isEqualTo(OnError.FAIL_OPEN));
	}

	@Test
	void entryWithUnderscoresIsNormalisedToTheKebabCaseId() {
		this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    rate_limit:
				      order: 7
				      enabled: false
				""")).run((context) -> {
			RegisteredPlugin rateLimit = plugin(context, "rate-limit");
			assertThat(rateLimit.order()).isEqualTo(7);
			assertThat(rateLimit.enabled()).isFalse();
		});
	}

	@Test
	void emptyMapEntryKeepsThePluginsDefaults() {
		this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    request-id: {}
				""")).run((context) -> {
			assertThat(context.getBean(PlugboardProperties.class).getPlugins()).containsOnlyKeys("request-id");
			RegisteredPlugin requestId = plugin(context, "request-id");
			assertThat(requestId.enabled()).isTrue();
			assertThat(requestId.order()).isEqualTo(100);
		});
	}

	@Test
	void entryWithNoKeysKeepsThePluginsDefaults() {
		this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    request-id:
				    audit-log:
				""")).run((context) -> {
			assertThat(context.getBean(PlugboardProperties.class).getPlugins()).containsOnlyKeys("request-id",
					"audit-log");
			assertThat(plugin(context, "request-id").enabled()).isTrue();
			assertThat(plugin(context, "audit-log").enabled()).isTrue();
		});
	}

	@Test
	void entryGivenAsAnEmptyPropertyIsListed() {
		this.contextRunner.withPropertyValues("plugboard.plugins.request-id=")
			.run((context) -> assertThat(context.getBean(PlugboardProperties.class).getPlugins())
				.containsOnlyKeys("request-id"));
	}

	@Test
	void onErrorIsLenientAboutCase() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.on-error=FAIL_CLOSED")
			.run((context) -> assertThat(plugin(context, "audit-log").onError()).isEqualTo(OnError.FAIL_CLOSED));
	}

	@Test
	void runtimeSettingsHaveDefaults() {
		this.contextRunner.run((context) -> {
			PlugboardProperties properties = context.getBean(PlugboardProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getPlugins()).isEmpty();
			assertThat(properties.getUnsupportedWrites()).isEqualTo(PlugboardProperties.UnsupportedWrites.WARN);
			assertThat(properties.getDeferred().getThreads()).isEqualTo(2);
			assertThat(properties.getDeferred().getQueueCapacity()).isEqualTo(1000);
			assertThat(properties.getDeferred().getShutdownTimeout()).hasSeconds(30);
			assertThat(properties.getFilter().getOrder()).isEqualTo(-110);
			assertThat(properties.getMetrics().getSampleInterval()).isEqualTo(16);
		});
	}

	private static RegisteredPlugin plugin(AssertableApplicationContext context, String id) {
		assertThat(context).hasNotFailed();
		return context.getBean(PluginRegistry.class)
			.all()
			.stream()
			.filter((plugin) -> plugin.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class PluginConfiguration {

		@Bean
		Plugins.Noop requestId() {
			return new Plugins.Noop("request-id", 100, OnError.FAIL_OPEN);
		}

		@Bean
		Plugins.Noop auditLog() {
			return new Plugins.Noop("audit-log");
		}

		@Bean
		Plugins.Noop rateLimit() {
			return new Plugins.Noop("rate-limit", 400, OnError.FAIL_CLOSED);
		}

	}

}
