package dev.plugboard.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code stripe} entry over real HTTP, through every plugin the sample lists
 * (csrf included): a {@code checkout.session.completed} event signed with Stripe's own
 * SDK and the sample's development secret pays the order it names, once, however often
 * Stripe delivers it; a tampered one is a 400 problem.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "plugboard.plugins.slack-notifier.enabled=false")
@AutoConfigureRestTestClient
class StripeSampleIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${plugboard.plugins.stripe.signing-secrets[0]}")
	String secret;

	@Test
	void sampleSecretIsTheDevOnlyPlaceholder() {
		assertThat(this.secret).startsWith("whsec_dev_only_");
	}

	@Test
	void signedCheckoutPaysTheOrderOnceHoweverOftenItIsDelivered() {
		long orderId = createOrder();
		String eventId = "evt_sample_" + orderId;
		String payload = checkoutCompleted(eventId, Long.toString(orderId));

		deliver(payload, sign(payload, now())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(eventId)
			.jsonPath("$.duplicate")
			.isEqualTo(false);
		deliver(payload, sign(payload, now())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.duplicate")
			.isEqualTo(true);

		List<Map<String, Object>> payments = this.jdbc.queryForList(
				"SELECT order_id, amount_total, currency FROM \"order_payments\" WHERE order_id = ?", orderId);
		assertThat(payments).singleElement().satisfies((payment) -> {
			assertThat(((Number) payment.get("amount_total")).longValue()).isEqualTo(4990);
			assertThat(payment.get("currency")).isEqualTo("eur");
		});
	}

	@Test
	void tamperedCheckoutIsA400AndPaysNothing() {
		long orderId = createOrder();
		String payload = checkoutCompleted("evt_sample_tampered_" + orderId, Long.toString(orderId));
		String signature = sign(payload, now());

		deliver(payload.replace("4990", "1"), signature).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("stripe")
			.jsonPath("$.code")
			.isEqualTo("signature-invalid");
		deliver(payload, sign(payload, now() - 3600)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("timestamp-outside-tolerance");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM \"order_payments\" WHERE order_id = ?", Integer.class,
				orderId))
			.isZero();
	}

	@Test
	void checkoutForAnUnknownOrderIsAcknowledgedWithoutAPayment() {
		String payload = checkoutCompleted("evt_sample_unknown_" + System.nanoTime(), "not-an-order");
		deliver(payload, sign(payload, now())).expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec deliver(String payload, String signature) {
		return this.client.post()
			.uri("/stripe/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.body(payload.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private long createOrder() {
		User user = this.client.post()
			.uri("/users")
			.body(Map.of("name", "Stripe Customer", "email",
					SampleFlowIntegrationTests.unique("stripe") + "@example.com"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(user).isNotNull();
		Order order = this.client.post()
			.uri("/orders")
			.body(Map.of("userId", user.id(), "product", "Keyboard", "quantity", 1, "unitPrice", 49.90))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(order).isNotNull();
		return order.id();
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	/**
	 * The header Stripe would send, from the SDK's own HMAC function.
	 */
	private String sign(String payload, long timestamp) {
		try {
			return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(this.secret, timestamp + "." + payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String checkoutCompleted(String eventId, String orderRef) {
		return """
				{
				  "id": "%s",
				  "object": "event",
				  "created": 1746086400,
				  "data": {
				    "object": {
				      "id": "cs_test_%s",
				      "object": "checkout.session",
				      "amount_total": 4990,
				      "currency": "eur",
				      "client_reference_id": "%s",
				      "payment_status": "paid"
				    }
				  },
				  "livemode": false,
				  "type": "checkout.session.completed"
				}
				""".formatted(eventId, eventId, orderRef);
	}

}
