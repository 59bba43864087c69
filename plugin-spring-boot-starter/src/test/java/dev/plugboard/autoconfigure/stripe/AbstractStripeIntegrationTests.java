package dev.plugboard.autoconfigure.stripe;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.stripe.StripeTestApplication.PaymentHandler;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.assertProblem;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.ROTATED_SECRET;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.SECRET;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.checkoutCompleted;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code stripe} built-in through the starter over real HTTP: deliveries signed with
 * Stripe's SDK, the handler's rows and the event records read back with SQL. Each
 * subclass runs it against one database.
 */
@SpringBootTest(classes = StripeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-stripe/schema.sql",
				"plugboard.plugins.stripe.signing-secrets[0]=" + StripeWebhooks.SECRET,
				"plugboard.plugins.stripe.signing-secrets[1]=" + StripeWebhooks.ROTATED_SECRET })
abstract class AbstractStripeIntegrationTests {

	static final long T = StripeTestApplication.NOW.getEpochSecond();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PaymentHandler handler;

	@LocalServerPort
	int port;

	@BeforeEach
	void forgetEveryEvent() {
		this.jdbc.update("DELETE FROM paid_order");
		this.jdbc.update("DELETE FROM plugboard_stripe_event");
		this.handler.reset();
	}

	@Test
	void signedPaymentIsAcceptedAndMarksTheOrderPaidOnce() throws Exception {
		String payload = checkoutCompleted("evt_paid", "order-17");
		String signature = header(payload, SECRET, T);

		HttpResponse<String> response = deliver(payload, signature);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json(response)).containsEntry("id", "evt_paid").containsEntry("duplicate", false);
		assertThat(this.handler.handled).containsExactly("evt_paid");
		assertThat(this.jdbc.queryForList("SELECT order_ref FROM paid_order", String.class))
			.containsExactly("order-17");
		assertThat(this.jdbc.queryForMap("SELECT event_type, livemode FROM plugboard_stripe_event WHERE event_id = ?",
				"evt_paid"))
			.containsValues("checkout.session.completed", false);
		Event event = Webhook.constructEvent(payload, signature, SECRET, 300,
				java.time.Clock.fixed(StripeTestApplication.NOW, java.time.ZoneOffset.UTC));
		assertThat(event.getId()).isEqualTo("evt_paid");
	}

	@Test
	void oneChangedByteIsA400AndNothingHappens() {
		String payload = checkoutCompleted("evt_tampered", "order-17");
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		int at = payload.indexOf("4200") + 3;
		bytes[at] = (byte) '1';

		HttpResponse<String> response = StripeWebhooks.post(url(), bytes, header(payload, SECRET, T));

		assertRejected(response, "signature-invalid");
		assertThat(this.handler.handled).isEmpty();
		assertThat(recorded()).isZero();
	}

	@Test
	void staleTimestampIsA400() {
		String payload = checkoutCompleted("evt_stale", "order-17");
		assertRejected(deliver(payload, header(payload, SECRET, T - 301)), "timestamp-outside-tolerance");
		assertThat(this.handler.handled).isEmpty();
	}

	@Test
	void wrongSecretIsA400() {
		String payload = checkoutCompleted("evt_wrong", "order-17");
		assertRejected(deliver(payload, header(payload, "whsec_test_someone_elses_endpoint", T)), "signature-invalid");
		assertThat(this.handler.handled).isEmpty();
	}

	@Test
	void secondSecretIsAcceptedDuringRotation() {
		String payload = checkoutCompleted("evt_rotated", "order-18");
		HttpResponse<String> response = deliver(payload, header(payload, ROTATED_SECRET, T));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.handler.handled).containsExactly("evt_rotated");
	}

	@Test
	void missingSignatureIsA400() {
		String payload = checkoutCompleted("evt_unsigned", "order-17");
		assertRejected(deliver(payload, null), "signature-missing");
		assertThat(recorded()).isZero();
	}

	@Test
	void redeliveryIsAcknowledgedAndNotProcessedAgain() {
		String payload = checkoutCompleted("evt_twice", "order-19");
		assertThat(deliver(payload, header(payload, SECRET, T)).statusCode()).isEqualTo(200);

		HttpResponse<String> again = deliver(payload, header(payload, SECRET, T + 30));

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json(again)).containsEntry("duplicate", true);
		assertThat(this.handler.handled).containsExactly("evt_twice");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_order", Integer.class)).isOne();
		assertThat(recorded()).isOne();
	}

	@Test
	void failingHandlerIsA500RolledBackAndTheRedeliveryIsProcessed() {
		this.handler.failures.set(1);
		String payload = checkoutCompleted("evt_retry", "order-20");

		HttpResponse<String> failed = deliver(payload, header(payload, SECRET, T));

		assertProblem(failed, 500, "stripe");
		assertThat(failed.body()).doesNotContain("order service is down").doesNotContain("Exception");
		assertThat(recorded()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_order", Integer.class)).isZero();

		HttpResponse<String> redelivered = deliver(payload, header(payload, SECRET, T + 60));

		assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
		assertThat(json(redelivered)).containsEntry("duplicate", false);
		assertThat(this.handler.handled).containsExactly("evt_retry", "evt_retry");
		assertThat(this.jdbc.queryForList("SELECT order_ref FROM paid_order", String.class))
			.containsExactly("order-20");
		assertThat(recorded()).isOne();
	}

	@Test
	void unhandledTypeIsAcknowledgedAndRecorded() {
		String payload = checkoutCompleted("evt_invoice", "order-21").replace("checkout.session.completed",
				"invoice.paid");
		assertThat(deliver(payload, header(payload, SECRET, T)).statusCode()).isEqualTo(200);
		assertThat(this.handler.handled).isEmpty();
		assertThat(recorded()).isOne();
	}

	@Test
	void getIsNotARouteOfTheReceiver() throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url())).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(404, 405);
		assertThat(this.handler.handled).isEmpty();
	}

	HttpResponse<String> deliver(String payload, String signature) {
		return StripeWebhooks.post(url(), payload, signature);
	}

	String url() {
		return "http://localhost:" + this.port + "/stripe/webhook";
	}

	int recorded() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_stripe_event", Integer.class);
		return (count != null) ? count : 0;
	}

	private static void assertRejected(HttpResponse<String> response, String code) {
		assertProblem(response, 400, "stripe");
		assertThat(json(response)).containsEntry("code", code);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.plugboard");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readValue(response.body(), Map.class);
	}

}
