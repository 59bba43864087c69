package dev.plugboard.autoconfigure.webhooks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
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
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.Outbox;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.autoconfigure.outbox.OutboxAutoConfiguration;
import dev.plugboard.builtin.webhooks.WebhooksPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.Hook;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code webhooks} built-in's auto-configuration: absent unless listed, bound from
 * real YAML into a plugin that signs and posts, and every configuration error stopping
 * the boot with a clear failure analysis.
 */
class WebhooksPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebhooksPluginAutoConfiguration.class, PlugboardAutoConfiguration.class,
						PlugboardDataAutoConfiguration.class, DataSourceAutoConfiguration.class,
						DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
						DataJdbcRepositoriesAutoConfiguration.class, OutboxAutoConfiguration.class))
		.withUserConfiguration(Entities.class)
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	private final String secret = Secrets.random();

	private final WebhookReceiver receiver;

	private final DeferredExecutor deferred = new DeferredExecutor(1, 1);

	WebhooksPluginAutoConfigurationTests() throws IOException {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void close() {
		this.receiver.close();
		this.deferred.shutdown(Duration.ofSeconds(5));
	}

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(WebhooksPluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("webhooks");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhooksPluginDefinition.class));
	}

	@Test
	void listedPluginIsABuiltInBoundFromYamlThatSignsAndPostsTheWritesItsEndpointsList() {
		String next = Secrets.random();
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    webhooks:
				      endpoints:
				        billing:
				          url: %s
				          secrets: [%s, %s]
				          entities: [invoice]
				          ops: [insert, delete]
				          allow-private-network: true
				""".formatted(this.receiver.url(), this.secret, next))).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredPlugin registered = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(registered.id()).isEqualTo(WebhooksPlugin.ID);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(registered.hooks()).contains(Hook.AFTER_WRITE, Hook.OUTBOX);
			assertThat(((OutboxPlugin) registered.plugin()).topic()).isEqualTo("webhooks");
			List<String> payloads = new ArrayList<>();
			Outbox outbox = (topic, payload) -> {
				payloads.add(payload);
				return "rec-" + payloads.size();
			};
			PluginRuntime runtime = new PluginRuntime(context.getBean(PluginRegistry.class), HookObserver.NONE,
					this.deferred, outbox);
			Invoice invoice = new Invoice(9L, "Ada", new BigDecimal("12.50"));

			runtime.afterWrite(WriteOp.UPDATE, invoice, 9L, "invoice", null);
			runtime.afterWrite(WriteOp.INSERT, invoice, 9L, "invoice", null);

			assertThat(payloads).hasSize(1);
			((OutboxPlugin) registered.plugin())
				.deliver(new OutboxRecord("rec-1", "webhooks", payloads.get(0), 1, Instant.now()));
			assertThat(this.receiver.received()).singleElement().satisfies((received) -> {
				assertThat(JsonMapper.shared().readTree(received.body()).path("type").asString())
					.isEqualTo("invoice.created");
				assertThatNoException()
					.isThrownBy(() -> new Webhook(this.secret).verify(received.body(), received.headers()));
				assertThatNoException().isThrownBy(() -> new Webhook(next).verify(received.body(), received.headers()));
			});
		});
	}

	@Test
	void timeoutBindsFromTheManifest() {
		this.receiver.thenHang();
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.timeout=300ms",
					"plugboard.plugins.webhooks.endpoints.billing.url=" + this.receiver.url(),
					"plugboard.plugins.webhooks.endpoints.billing.secrets=" + this.secret,
					"plugboard.plugins.webhooks.endpoints.billing.allow-private-network=true")
			.run((context) -> {
				OutboxPlugin plugin = (OutboxPlugin) context.getBean(PluginRegistry.class).enabled().get(0).plugin();
				String payload = JsonMapper.shared()
					.writeValueAsString(Map.of("endpoint", "billing", "body", "{\"type\":\"invoice.created\"}"));
				assertThatExceptionOfType(IOException.class)
					.isThrownBy(() -> plugin.deliver(new OutboxRecord("rec-1", "webhooks", payload, 1, Instant.now())))
					.withCauseInstanceOf(HttpTimeoutException.class);
			});
	}

	@Test
	void listedWithoutEndpointsStopsTheBootSayingWhatToAdd() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    webhooks: {}
				""")).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Plugin 'webhooks' needs 'endpoints'")
				.contains("webhooks has no endpoints");
		});
	}

	@Test
	void secretThatIsNotAStandardWebhooksSecretStopsTheBootNamingTheEndpoint() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    webhooks:
				      endpoints:
				        billing:
				          url: https://hooks.example.com/billing
				          secrets: [%s, not-a-secret]
				""".formatted(this.secret))).run((context) -> {
			FailureAnalysis analysis = analysis(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.startsWith("Plugin 'webhooks' cannot use the value of 'endpoints.billing.secrets[1]' "
						+ "(plugboard.plugins.webhooks.endpoints.billing.secrets[1]). Secret 2 of endpoint "
						+ "'billing' does not start with 'whsec_'.")
				.doesNotContain(this.secret.substring(6));
			assertThat(analysis.getAction()).contains("plugboard.plugins.webhooks");
		});
	}

	@Test
	void endpointWithoutSecretsStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.endpoints.billing.url=https://hooks.example.com/billing")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'webhooks' needs 'endpoints.billing.secrets'")
				.contains("Endpoint 'billing' has no secret."));
	}

	@Test
	void urlThatIsNotAUrlStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.endpoints.billing.url=https://hooks example.com/x",
					"plugboard.plugins.webhooks.endpoints.billing.secrets=" + this.secret)
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'webhooks' cannot use the value of 'endpoints.billing.url'")
				.contains("Endpoint 'billing' has the url 'https://hooks example.com/x', which is not a URL"));
	}

	@Test
	void urlThatIsNotHttpStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.endpoints.billing.url=ftp://hooks.example.com/x",
					"plugboard.plugins.webhooks.endpoints.billing.secrets=" + this.secret)
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("which is not an absolute http or https URL"));
	}

	@Test
	void internalAddressStopsTheBootUnlessTheEndpointAllowsIt() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.endpoints.metadata.url=http://169.254.169.254/latest",
					"plugboard.plugins.webhooks.endpoints.metadata.secrets=" + this.secret)
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("Endpoint 'metadata' posts to 169.254.169.254, an internal address")
				.contains("allow-private-network: true"));
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.endpoints.internal.url=http://10.0.0.8/hooks",
					"plugboard.plugins.webhooks.endpoints.internal.secrets=" + this.secret,
					"plugboard.plugins.webhooks.endpoints.internal.allow-private-network=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void entityThatNoRepositoryManagesStopsTheBootSuggestingTheNearest() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.webhooks.endpoints.billing.url=https://hooks.example.com/billing",
					"plugboard.plugins.webhooks.endpoints.billing.secrets=" + this.secret,
					"plugboard.plugins.webhooks.endpoints.billing.entities=invoices")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.isEqualTo("Webhooks endpoint 'billing' lists the entity 'invoices' "
						+ "(plugboard.plugins.webhooks.endpoints.billing.entities), but no Spring Data repository "
						+ "manages an aggregate of that name; did you mean 'invoice'? The aggregates are invoice."));
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.webhooks.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.webhooks.endpoints",
				"plugboard.plugins.webhooks.connect-timeout", "plugboard.plugins.webhooks.timeout");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.webhooks.connect-timeout")).contains(entry("defaultValue", "5s"));
		assertThat(properties.get("plugboard.plugins.webhooks.timeout")).contains(entry("defaultValue", "10s"));
		assertThat((String) properties.get("plugboard.plugins.webhooks.endpoints").get("description")).contains("'url'",
				"'secrets'", "'entities'", "'ops'", "'allow-private-network'");
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
