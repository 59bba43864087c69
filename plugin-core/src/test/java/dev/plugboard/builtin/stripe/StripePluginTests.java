package dev.plugboard.builtin.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RouteResult;
import dev.plugboard.test.TestRequest;

import static dev.plugboard.builtin.stripe.StripeSigning.ROTATED_SECRET;
import static dev.plugboard.builtin.stripe.StripeSigning.SECRET;
import static dev.plugboard.builtin.stripe.StripeSigning.checkoutCompleted;
import static dev.plugboard.builtin.stripe.StripeSigning.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The {@link StripePlugin} driven by the {@link PluginHarness}, with payloads signed by
 * Stripe's own SDK and a store in memory that keeps the store's contract (a record stays
 * only when the dispatch succeeds).
 */
class StripePluginTests {

	private static final Instant NOW = Instant.parse("2025-06-15T12:30:45Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final long T = NOW.getEpochSecond();

	private final MapStore store = new MapStore();

	private final List<StripeEvent> handled = new ArrayList<>();

	private final StripeEventHandler checkout = handler(Set.of("checkout.session.completed"), this.handled);

	private PluginHarness harness = harness(StripeConfig.of(SECRET), this.checkout);

	@Test
	void pluginHasItsIdAndMountsOnePostRoute() {
		StripePlugin plugin = new StripePlugin(StripeConfig.of(SECRET), this.store, List::of, CLOCK);
		assertThat(plugin.id()).isEqualTo("stripe");
		assertThat(plugin.toString()).doesNotContain(SECRET);
		assertThat(this.harness.route(TestRequest.get("/stripe/webhook")).matched()).isFalse();
	}

	@Test
	void paymentSignedByTheStripeSdkIsDispatchedOnceWithItsFields() {
		String payload = checkoutCompleted("evt_1");
		RouteResult result = deliver(payload, header(payload, SECRET, T));

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.body()).contains("\"id\":\"evt_1\"").contains("\"duplicate\":false");
		assertThat(this.handled).singleElement().satisfies((event) -> {
			assertThat(event.id()).isEqualTo("evt_1");
			assertThat(event.type()).isEqualTo("checkout.session.completed");
			assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1750000000));
			assertThat(event.livemode()).isFalse();
			assertThat(event.object().path("client_reference_id").stringValue()).isEqualTo("order-17");
			assertThat(event.object().path("amount_total").longValue()).isEqualTo(4200);
			assertThat(event.json()).isEqualTo(payload);
		});
		assertThat(this.store.recorded).containsOnlyKeys("evt_1");
	}

	@Test
	void theSdkAcceptsWhatThePluginAccepts() throws Exception {
		String payload = checkoutCompleted("evt_sdk");
		String header = header(payload, SECRET, T - 299);

		assertThat(deliver(payload, header).status()).isEqualTo(200);
		Event event = Webhook.constructEvent(payload, header, SECRET, 300, CLOCK);
		assertThat(event.getId()).isEqualTo("evt_sdk");
		assertThat(event.getType()).isEqualTo(this.handled.get(0).type());
	}

	@Test
	void oneChangedByteIsRejectedByThePluginAndTheSdk() {
		String payload = checkoutCompleted("evt_2");
		String header = header(payload, SECRET, T);
		String tampered = payload.replace("4200", "4201");

		assertRejected(deliver(tampered, header), "signature-invalid");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> Webhook.constructEvent(tampered, header, SECRET, 300, CLOCK));
		assertThat(this.handled).isEmpty();
		assertThat(this.store.recorded).isEmpty();
	}

	@Test
	void wrongSecretIsRejectedByThePluginAndTheSdk() {
		String payload = checkoutCompleted("evt_3");
		String header = header(payload, ROTATED_SECRET, T);

		assertRejected(deliver(payload, header), "signature-invalid");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> Webhook.constructEvent(payload, header, SECRET, 300, CLOCK));
	}

	@Test
	void staleTimestampIsRejectedByThePluginAndTheSdk() {
		String payload = checkoutCompleted("evt_4");
		String header = header(payload, SECRET, T - 301);

		RouteResult result = deliver(payload, header);
		assertRejected(result, "timestamp-outside-tolerance");
		assertThat(result.body()).contains("301 seconds old");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> Webhook.constructEvent(payload, header, SECRET, 300, CLOCK));
	}

	@Test
	void timestampFromTheFutureBeyondTheToleranceIsRejected() {
		String payload = checkoutCompleted("evt_5");
		assertRejected(deliver(payload, header(payload, SECRET, T + 301)), "timestamp-outside-tolerance");
		assertThat(deliver(payload, header(payload, SECRET, T + 300)).status()).isEqualTo(200);
	}

	@Test
	void configuredToleranceApplies() {
		this.harness = harness(
				new StripeConfig("/stripe/webhook", List.of(SECRET), Duration.ofSeconds(10), 1024 * 1024),
				this.checkout);
		String payload = checkoutCompleted("evt_6");
		assertRejected(deliver(payload, header(payload, SECRET, T - 11)), "timestamp-outside-tolerance");
		assertThat(deliver(payload, header(payload, SECRET, T - 10)).status()).isEqualTo(200);
	}

	@Test
	void eitherSecretIsAcceptedDuringRotation() {
		this.harness = harness(StripeConfig.of(SECRET, ROTATED_SECRET), this.checkout);
		String first = checkoutCompleted("evt_old");
		String second = checkoutCompleted("evt_new");

		assertThat(deliver(first, header(first, SECRET, T)).status()).isEqualTo(200);
		assertThat(deliver(second, header(second, ROTATED_SECRET, T)).status()).isEqualTo(200);
		assertThatNoException().isThrownBy(
				() -> Webhook.constructEvent(second, header(second, ROTATED_SECRET, T), ROTATED_SECRET, 300, CLOCK));
		assertThat(this.handled).extracting(StripeEvent::id).containsExactly("evt_old", "evt_new");
	}

	@Test
	void anyMatchingV1AmongSeveralIsEnoughAndOtherSchemesAreIgnored() {
		String payload = checkoutCompleted("evt_7");
		String header = "t=" + T + ",v1=" + "0".repeat(64) + ",v1=" + StripeSigning.v1(payload, SECRET, T) + ",v0="
				+ StripeSigning.v1(payload, "whsec_other", T);
		assertThat(deliver(payload, header).status()).isEqualTo(200);
	}

	@Test
	void signatureOnlyInAnotherSchemeIsMalformed() {
		String payload = checkoutCompleted("evt_8");
		assertRejected(deliver(payload, "t=" + T + ",v0=" + StripeSigning.v1(payload, SECRET, T)),
				"signature-malformed");
	}

	@Test
	void missingHeaderIsRejected() {
		String payload = checkoutCompleted("evt_9");
		RouteResult result = this.harness.route(TestRequest.post("/stripe/webhook").body("application/json", payload));
		assertRejected(result, "signature-missing");
	}

	@Test
	void unreadableHeadersAreMalformed() {
		String payload = checkoutCompleted("evt_10");
		String v1 = StripeSigning.v1(payload, SECRET, T);
		assertRejected(deliver(payload, "v1=" + v1), "signature-malformed");
		assertRejected(deliver(payload, "t=abc,v1=" + v1), "signature-malformed");
		assertRejected(deliver(payload, "t=-" + T + ",v1=" + v1), "signature-malformed");
		assertRejected(deliver(payload, "t=" + T + ",t=" + T + ",v1=" + v1), "signature-malformed");
		assertRejected(deliver(payload, "garbage"), "signature-malformed");
		assertThat(this.handled).isEmpty();
	}

	@Test
	void upperCaseHexIsNotStripesSignature() {
		String payload = checkoutCompleted("evt_11");
		String header = "t=" + T + ",v1=" + StripeSigning.v1(payload, SECRET, T).toUpperCase();
		assertRejected(deliver(payload, header), "signature-invalid");
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> Webhook.constructEvent(payload, header, SECRET, 300, CLOCK));
	}

	@Test
	void signedPayloadThatIsNoEventIsRejected() {
		String payload = "{\"object\":\"event\",\"type\":\"charge.succeeded\"}";
		assertRejected(deliver(payload, header(payload, SECRET, T)), "invalid-event");
		String notJson = "not json";
		assertRejected(deliver(notJson, header(notJson, SECRET, T)), "invalid-event");
	}

	@Test
	void redeliveryIsAcknowledgedWithoutDispatch() {
		String payload = checkoutCompleted("evt_12");
		assertThat(deliver(payload, header(payload, SECRET, T)).body()).contains("\"duplicate\":false");
		RouteResult again = deliver(payload, header(payload, SECRET, T + 60));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("\"duplicate\":true");
		assertThat(this.handled).hasSize(1);
	}

	@Test
	void unhandledTypeIsAcknowledgedAndRecorded() {
		String payload = checkoutCompleted("evt_13").replace("checkout.session.completed", "invoice.paid");
		assertThat(deliver(payload, header(payload, SECRET, T)).status()).isEqualTo(200);
		assertThat(this.handled).isEmpty();
		assertThat(this.store.recorded).containsOnlyKeys("evt_13");
	}

	@Test
	void everyHandlerOfTheTypeRunsInOrderAndTheWildcardSeesAll() {
		List<StripeEvent> all = new ArrayList<>();
		List<StripeEvent> invoices = new ArrayList<>();
		this.harness = harness(StripeConfig.of(SECRET), this.checkout, handler(Set.of("invoice.paid"), invoices),
				handler(Set.of(StripeEventHandler.ALL_TYPES), all));
		String checkout = checkoutCompleted("evt_14");
		String invoice = checkoutCompleted("evt_15").replace("checkout.session.completed", "invoice.paid");
		deliver(checkout, header(checkout, SECRET, T));
		deliver(invoice, header(invoice, SECRET, T));

		assertThat(this.handled).extracting(StripeEvent::id).containsExactly("evt_14");
		assertThat(invoices).extracting(StripeEvent::id).containsExactly("evt_15");
		assertThat(all).extracting(StripeEvent::id).containsExactly("evt_14", "evt_15");
	}

	@Test
	void failingHandlerLeavesTheEventUnrecordedForTheRedelivery() {
		List<String> attempts = new ArrayList<>();
		StripeEventHandler flaky = new StripeEventHandler() {

			@Override
			public Set<String> eventTypes() {
				return Set.of("checkout.session.completed");
			}

			@Override
			public void handle(StripeEvent event) throws Exception {
				attempts.add(event.id());
				if (attempts.size() == 1) {
					throw new java.io.IOException("the order service is down");
				}
			}

		};
		this.harness = harness(StripeConfig.of(SECRET), flaky);
		String payload = checkoutCompleted("evt_16");

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> deliver(payload, header(payload, SECRET, T)))
			.satisfies((fault) -> assertThat(fault.getCause()).hasRootCauseMessage("the order service is down"));
		assertThat(this.store.recorded).isEmpty();
		assertThat(deliver(payload, header(payload, SECRET, T + 60)).status()).isEqualTo(200);
		assertThat(attempts).containsExactly("evt_16", "evt_16");
		assertThat(this.store.recorded).containsOnlyKeys("evt_16");
	}

	@Test
	void payloadOverTheLimitIsA413() {
		this.harness = harness(new StripeConfig("/stripe/webhook", List.of(SECRET), Duration.ofSeconds(300), 100),
				this.checkout);
		String payload = checkoutCompleted("evt_17");
		RouteResult result = deliver(payload, header(payload, SECRET, T));
		assertThat(result.status()).isEqualTo(413);
		assertThat(this.handled).isEmpty();
	}

	@Test
	void configuredPathIsTheRoute() {
		this.harness = harness(new StripeConfig("/hooks/stripe", List.of(SECRET), Duration.ofSeconds(300), 1000000),
				this.checkout);
		String payload = checkoutCompleted("evt_18");
		RouteResult result = this.harness.route(TestRequest.post("/hooks/stripe")
			.header("Stripe-Signature", header(payload, SECRET, T))
			.body("application/json", payload.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.status()).isEqualTo(200);
		assertThat(deliver(payload, header(payload, SECRET, T)).matched()).isFalse();
	}

	@Test
	void secretsMustBeStripeSigningSecretsAndStayOutOfMessages() {
		assertThatExceptionOfType(PluginConfigurationException.class).isThrownBy(StripeConfig::of)
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("signing-secrets"))
			.withMessageContaining("whsec_");
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> StripeConfig.of(SECRET, "sk_test_4eC39HqLyjWDarjtT1zdp7dc"))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("signing-secrets"))
			.withMessageContaining("number 2 of 2")
			.withMessageNotContaining("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
		assertThatExceptionOfType(PluginConfigurationException.class).isThrownBy(() -> StripeConfig.of("whsec_"));
		assertThat(StripeConfig.of(SECRET).toString()).doesNotContain(SECRET);
	}

	@Test
	void unusablePathAndToleranceAreRefusedNamingTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new StripeConfig("stripe", List.of(SECRET), Duration.ofSeconds(300), 1))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("path"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new StripeConfig("/stripe", List.of(SECRET), Duration.ZERO, 1))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("tolerance"));
	}

	private RouteResult deliver(String payload, String signature) {
		return this.harness.route(TestRequest.post("/stripe/webhook")
			.header("Stripe-Signature", signature)
			.body("application/json", payload.getBytes(StandardCharsets.UTF_8)));
	}

	private static void assertRejected(RouteResult result, String code) {
		assertThat(result.status()).as(result.body()).isEqualTo(400);
		assertThat(result.rejection()).isNotNull();
		assertThat(result.rejection().code()).isEqualTo(code);
		assertThat(result.body()).contains("\"code\":\"" + code + "\"").contains("\"plugin\":\"stripe\"");
	}

	private PluginHarness harness(StripeConfig config, StripeEventHandler... handlers) {
		return PluginHarness.of(new StripePlugin(config, this.store, () -> List.of(handlers), CLOCK));
	}

	private static StripeEventHandler handler(Set<String> types, List<StripeEvent> into) {
		return new StripeEventHandler() {

			@Override
			public Set<String> eventTypes() {
				return types;
			}

			@Override
			public void handle(StripeEvent event) {
				into.add(event);
			}

		};
	}

	/**
	 * Keeps an id only when the dispatch returns, as a transaction would.
	 */
	static final class MapStore implements StripeEventStore {

		final Map<String, StripeEvent> recorded = new ConcurrentHashMap<>();

		@Override
		public synchronized boolean recordOnce(StripeEvent event, Runnable dispatch) {
			if (this.recorded.containsKey(event.id())) {
				return false;
			}
			dispatch.run();
			this.recorded.put(event.id(), event);
			return true;
		}

	}

}
