package dev.plugboard.builtin.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.OutboxRecord;
import dev.plugboard.UndeliverableException;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.webhooks.WebhookReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link WebhooksPlugin#deliver} against a real HTTP receiver on the loopback interface,
 * with the signatures checked by the Standard Webhooks reference verifier.
 */
class WebhooksPluginDeliveryTests {

	private static final String EVENT = "{\"type\":\"order.created\",\"timestamp\":\"2026-11-27T03:00:00.000Z\","
			+ "\"data\":{\"id\":42,\"total\":19.90,\"note\":\"th\u00e9 \u2603\"}}";

	private final String secret = Secrets.random();

	private final WebhookReceiver receiver;

	WebhooksPluginDeliveryTests() throws IOException {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void close() {
		this.receiver.close();
	}

	@Test
	void deliveryPostsTheEventWithStandardWebhooksHeadersThatTheReferenceVerifierAccepts() throws Exception {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));

		plugin.deliver(record("evt_1", "orders", 1));

		assertThat(this.receiver.received()).singleElement().satisfies((received) -> {
			assertThat(received.method()).isEqualTo("POST");
			assertThat(received.header("content-type")).isEqualTo("application/json");
			assertThat(received.header("webhook-id")).isEqualTo("evt_1");
			assertThat(Long.parseLong(received.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
					org.assertj.core.data.Offset.offset(300L));
			assertThat(received.body()).isEqualTo(EVENT);
			assertThatNoException()
				.isThrownBy(() -> new Webhook(this.secret).verify(received.body(), received.headers()));
		});
	}

	@Test
	void everySecretSignsSoEitherVerifiesDuringRotation() throws Exception {
		String next = Secrets.random();
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret, next));

		plugin.deliver(record("evt_2", "orders", 1));

		Received received = this.receiver.received().get(0);
		assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
		assertThatNoException().isThrownBy(() -> new Webhook(this.secret).verify(received.body(), received.headers()));
		assertThatNoException().isThrownBy(() -> new Webhook(next).verify(received.body(), received.headers()));
	}

	@Test
	void retryCarriesTheSameIdAndBodyWithAFreshValidSignature() throws Exception {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));
		this.receiver.thenAnswer(503);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> plugin.deliver(record("evt_3", "orders", 1)));
		plugin.deliver(record("evt_3", "orders", 2));

		assertThat(this.receiver.received()).hasSize(2).allSatisfy((received) -> {
			assertThat(received.header("webhook-id")).isEqualTo("evt_3");
			assertThat(received.body()).isEqualTo(EVENT);
			assertThatNoException()
				.isThrownBy(() -> new Webhook(this.secret).verify(received.body(), received.headers()));
		});
	}

	@Test
	void anyTwoHundredAnswerIsSuccess() throws Exception {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));
		this.receiver.thenAnswer(201).thenAnswer(202).thenAnswer(204);

		plugin.deliver(record("evt_a", "orders", 1));
		plugin.deliver(record("evt_b", "orders", 1));
		plugin.deliver(record("evt_c", "orders", 1));

		assertThat(this.receiver.received()).hasSize(3);
	}

	@Test
	void serverErrorIsThrownSoTheOutboxRetries() {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));
		this.receiver.thenAnswer(500);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> plugin.deliver(record("evt_4", "orders", 1)))
			.isNotInstanceOf(UndeliverableException.class)
			.withMessage("Endpoint 'orders' (" + this.receiver.url() + ") answered 500");
	}

	@Test
	void clientErrorIsThrownSoTheOutboxRetries() {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));
		this.receiver.thenAnswer(400);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> plugin.deliver(record("evt_5", "orders", 1)))
			.withMessageEndingWith("answered 400");
	}

	@Test
	void redirectIsNotFollowedAndIsThrown() {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));
		this.receiver.thenRedirect();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> plugin.deliver(record("evt_6", "orders", 1)))
			.withMessageContaining(
					"answered 302 redirecting to http://127.0.0.1:" + this.receiver.port() + "/moved-here")
			.withMessageContaining("redirects are not followed");
		assertThat(this.receiver.received()).hasSize(1);
		assertThat(this.receiver.redirectTargetHits()).isEmpty();
	}

	@Test
	void receiverThatDoesNotAnswerInTimeIsThrown() {
		WebhooksPlugin plugin = new WebhooksPlugin(
				new WebhooksConfig(List.of(endpoint("orders", this.receiver.url(), true, this.secret)),
						Duration.ofSeconds(5), Duration.ofMillis(300)),
				JsonMapper.shared(), Clock.systemUTC());
		this.receiver.thenHang();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> plugin.deliver(record("evt_7", "orders", 1)))
			.withCauseInstanceOf(HttpTimeoutException.class)
			.withMessageStartingWith("Endpoint 'orders' (" + this.receiver.url() + ") could not be reached");
	}

	@Test
	void unreachableReceiverIsThrownSoTheOutboxRetries() {
		String url = this.receiver.url();
		this.receiver.close();
		WebhooksPlugin plugin = plugin(endpoint("orders", url, true, this.secret));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> plugin.deliver(record("evt_8", "orders", 1)))
			.isNotInstanceOf(UndeliverableException.class)
			.withMessageStartingWith("Endpoint 'orders' (" + url + ") could not be reached");
	}

	@Test
	void hostNameThatResolvesToLoopbackIsRefusedAsUndeliverable() {
		String url = "http://localhost:" + this.receiver.port() + "/hooks";
		WebhooksPlugin plugin = plugin(endpoint("orders", url, false, this.secret));

		assertThatExceptionOfType(UndeliverableException.class)
			.isThrownBy(() -> plugin.deliver(record("evt_9", "orders", 1)))
			.withMessageContaining("Endpoint 'orders' (" + url + ") resolves to ")
			.withMessageContaining("loopback")
			.withMessageContaining("allow-private-network: true");
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void hostNameThatResolvesToLoopbackIsReachedWhenTheEndpointAllowsThePrivateNetwork() throws Exception {
		WebhooksPlugin plugin = plugin(
				endpoint("orders", "http://localhost:" + this.receiver.port() + "/hooks", true, this.secret));

		plugin.deliver(record("evt_10", "orders", 1));

		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void recordForAnEndpointNoLongerConfiguredIsUndeliverable() {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));

		assertThatExceptionOfType(UndeliverableException.class)
			.isThrownBy(() -> plugin.deliver(record("evt_11", "invoices", 1)))
			.withMessageContaining("'invoices', which is no longer configured; the endpoints are [orders]");
		assertThat(this.receiver.received()).isEmpty();
	}

	@Test
	void malformedRecordIsUndeliverable() {
		WebhooksPlugin plugin = plugin(endpoint("orders", this.receiver.url(), true, this.secret));

		assertThatExceptionOfType(UndeliverableException.class).isThrownBy(
				() -> plugin.deliver(new OutboxRecord("evt_12", WebhooksPlugin.ID, "not json", 1, Instant.now())));
		assertThatExceptionOfType(UndeliverableException.class).isThrownBy(() -> plugin
			.deliver(new OutboxRecord("evt_13", WebhooksPlugin.ID, "{\"endpoint\":\"orders\"}", 1, Instant.now())));
	}

	private static WebhooksPlugin plugin(WebhooksConfig.Endpoint... endpoints) {
		return new WebhooksPlugin(new WebhooksConfig(List.of(endpoints), WebhooksConfig.DEFAULT_CONNECT_TIMEOUT,
				WebhooksConfig.DEFAULT_TIMEOUT), JsonMapper.shared(), Clock.systemUTC());
	}

	private static WebhooksConfig.Endpoint endpoint(String name, String url, boolean allowPrivateNetwork,
			String... secrets) {
		return new WebhooksConfig.Endpoint(name, URI.create(url), List.of(secrets), List.of(),
				EnumSet.allOf(WriteOp.class), allowPrivateNetwork);
	}

	private static OutboxRecord record(String id, String endpoint, int attempt) {
		String payload = JsonMapper.shared().writeValueAsString(Map.of("endpoint", endpoint, "body", EVENT));
		return new OutboxRecord(id, WebhooksPlugin.ID, payload, attempt, Instant.now());
	}

}
