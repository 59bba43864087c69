package dev.plugboard.builtin.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the {@code webhooks} configuration refuses at startup, and how it says so.
 */
class WebhooksConfigTests {

	private final String secret = Secrets.random();

	@Test
	void secretWithoutThePrefixIsRefusedNamingTheEndpointWithoutEchoingIt() {
		String bare = this.secret.substring("whsec_".length());
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("orders", "https://hooks.example.com/orders", List.of(this.secret, bare)))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("endpoints.orders.secrets[1]");
				assertThat(ex.getMessage()).contains("Secret 2 of endpoint 'orders' does not start with 'whsec_'")
					.doesNotContain(bare);
			});
	}

	@Test
	void secretThatIsNotBase64IsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("orders", "https://hooks.example.com", List.of("whsec_not*base64!")))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("endpoints.orders.secrets[0]");
				assertThat(ex.getMessage()).contains("endpoint 'orders' is not valid base64");
			});
	}

	@Test
	void secretWithAShortKeyIsRefused() {
		String shortSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[8]);
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("orders", "https://hooks.example.com", List.of(shortSecret)))
			.withMessageContaining("has a key of 8 bytes, fewer than 24");
	}

	@Test
	void endpointWithoutASecretIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("orders", "https://hooks.example.com", List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("endpoints.orders.secrets"))
			.withMessageContaining("Endpoint 'orders' has no secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/hooks", "ftp://hooks.example.com/x", "https:///nohost", "mailto:ops@example.com" })
	void urlThatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("orders", url, List.of(this.secret)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("endpoints.orders.url"))
			.withMessageContaining(
					"Endpoint 'orders' has the url '" + url + "', which is not an absolute http or https URL");
	}

	@Test
	void urlWithCredentialsIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("orders", "https://user:pw@hooks.example.com/x", List.of(this.secret)))
			.withMessageContaining("credentials");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hooks", "http://10.1.2.3/hooks", "http://172.20.0.1/hooks",
			"http://192.168.1.10/hooks", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/hooks",
			"http://0.0.0.0/hooks", "http://[::1]/hooks", "http://[fd12::1]/hooks", "http://[fe80::1]/hooks",
			"http://[::ffff:127.0.0.1]/hooks", "http://2130706433/hooks" })
	void internalIpLiteralIsRefusedAtStartup(String url) {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> endpoint("internal", url, List.of(this.secret)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("endpoints.internal.url"))
			.withMessageContaining("Endpoint 'internal' posts to")
			.withMessageContaining("an internal address")
			.withMessageContaining("allow-private-network: true");
	}

	@Test
	void internalIpLiteralIsAcceptedWhenTheEndpointAllowsThePrivateNetwork() {
		assertThatNoException()
			.isThrownBy(() -> new WebhooksConfig.Endpoint("internal", URI.create("http://10.1.2.3/hooks"),
					List.of(this.secret), List.of(), EnumSet.allOf(WriteOp.class), true));
	}

	@Test
	void publicIpLiteralIsAccepted() {
		assertThatNoException()
			.isThrownBy(() -> endpoint("public", "https://93.184.215.14/hooks", List.of(this.secret)));
	}

	@Test
	void endpointWithoutOperationsIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new WebhooksConfig.Endpoint("orders", URI.create("https://hooks.example.com"),
					List.of(this.secret), List.of(), Set.of(), false))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("endpoints.orders.ops"));
	}

	@Test
	void configurationWithoutEndpointsIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new WebhooksConfig(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("endpoints"));
	}

	@Test
	void nonPositiveTimeoutIsRefused() {
		WebhooksConfig.Endpoint endpoint = endpoint("orders", "https://hooks.example.com", List.of(this.secret));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new WebhooksConfig(List.of(endpoint), Duration.ofSeconds(1), Duration.ZERO))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("timeout"));
	}

	@Test
	void endpointDescriptionNeverShowsTheSecrets() {
		assertThat(endpoint("orders", "https://hooks.example.com", List.of(this.secret)).toString())
			.doesNotContain(this.secret.substring(6))
			.contains("secrets=1");
	}

	private static WebhooksConfig.Endpoint endpoint(String name, String url, List<String> secrets) {
		return new WebhooksConfig.Endpoint(name, URI.create(url), secrets, List.of(), EnumSet.allOf(WriteOp.class),
				false);
	}

}
