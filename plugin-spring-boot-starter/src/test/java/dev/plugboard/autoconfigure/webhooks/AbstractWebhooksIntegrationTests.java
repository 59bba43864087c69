package dev.plugboard.autoconfigure.webhooks;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.webhooks.Repositories.InvoiceRepository;
import dev.plugboard.autoconfigure.webhooks.WebhookReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The {@code webhooks} built-in end to end: a save through a Spring Data JDBC repository,
 * the outbox, and a real HTTP receiver that checks each signature with the Standard
 * Webhooks reference verifier. Each subclass runs it against one database.
 */
@SpringBootTest(classes = WebhooksTestApplication.class,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-webhooks/schema.sql",
				"plugboard.outbox.initialize-schema=always", "plugboard.outbox.poll-interval=100ms",
				"plugboard.outbox.retry.initial-delay=100ms", "plugboard.outbox.retry.multiplier=2",
				"plugboard.outbox.retry.jitter=0", "plugboard.outbox.retry.max-attempts=5",
				"plugboard.plugins.webhooks.endpoints.billing.entities=invoice",
				"plugboard.plugins.webhooks.endpoints.billing.allow-private-network=true",
				"plugboard.plugins.webhooks.endpoints.guarded.entities=invoice" })
abstract class AbstractWebhooksIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String SECRET = Secrets.random();

	/**
	 * One receiver for the JVM: the H2 and PostgreSQL suites share it, one after the
	 * other.
	 */
	private static final WebhookReceiver receiver = WebhookReceiver.start();

	@Autowired
	private InvoiceRepository invoices;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("plugboard.plugins.webhooks.endpoints.billing.url", receiver::url);
		registry.add("plugboard.plugins.webhooks.endpoints.billing.secrets[0]", () -> SECRET);
		registry.add("plugboard.plugins.webhooks.endpoints.guarded.url",
				() -> "http://localhost:" + receiver.port() + "/hooks");
		registry.add("plugboard.plugins.webhooks.endpoints.guarded.secrets[0]", () -> SECRET);
	}

	@BeforeEach
	void reset() {
		receiver.reset();
	}

	@Test
	void savingAnEntityPostsASignedCreatedEventTheReferenceVerifierAccepts() {
		Invoice saved = this.invoices.save(new Invoice(null, "Ada", new BigDecimal("12.50")));

		await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());

		Received received = receiver.received().get(0);
		assertThatNoException().isThrownBy(() -> new Webhook(SECRET).verify(received.body(), received.headers()));
		JsonNode event = JsonMapper.shared().readTree(received.body());
		assertThat(event.path("type").asString()).isEqualTo("invoice.created");
		assertThat(event.path("data").path("id").asLong()).isEqualTo(saved.id());
		assertThat(event.path("data").path("customer").asString()).isEqualTo("Ada");
		assertThat(received.header("content-type")).isEqualTo("application/json");
	}

	@Test
	void receiverThatFailsTwiceGetsTheEventOnTheThirdAttemptWithTheSameId() {
		receiver.thenAnswer(500).thenAnswer(503);

		Invoice saved = this.invoices.save(new Invoice(null, "Grace", new BigDecimal("99.00")));

		await().atMost(PATIENCE).until(() -> receiver.received().size() >= 3);
		List<Received> attempts = receiver.received();
		assertThat(attempts).hasSize(3);
		assertThat(attempts).extracting((attempt) -> attempt.header("webhook-id"))
			.containsOnly(attempts.get(0).header("webhook-id"));
		assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
		assertThat(attempts).allSatisfy((attempt) -> assertThatNoException()
			.isThrownBy(() -> new Webhook(SECRET).verify(attempt.body(), attempt.headers())));
		assertThat(JsonMapper.shared().readTree(attempts.get(2).body()).path("data").path("id").asLong())
			.isEqualTo(saved.id());
	}

	@Test
	void updateAndDeleteArePostedInOrderOfTheirWrites() {
		Invoice saved = this.invoices.save(new Invoice(null, "Linus", new BigDecimal("1.00")));
		await().atMost(PATIENCE).until(() -> receiver.received().size() >= 1);
		this.invoices.save(new Invoice(saved.id(), "Linus", new BigDecimal("2.00")));
		await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);
		this.invoices.delete(new Invoice(saved.id(), "Linus", new BigDecimal("2.00")));
		await().atMost(PATIENCE).until(() -> receiver.received().size() >= 3);

		assertThat(receiver.received()).extracting((received) -> type(received))
			.containsExactly("invoice.created", "invoice.updated", "invoice.deleted");
	}

	@Test
	void writeThatRollsBackPostsNothing() {
		this.transaction.executeWithoutResult((status) -> {
			this.invoices.save(new Invoice(null, "Rolled back", BigDecimal.ONE));
			status.setRollbackOnly();
		});
		Invoice committed = this.invoices.save(new Invoice(null, "Committed", BigDecimal.TEN));

		await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
		assertThat(receiver.received()).singleElement()
			.satisfies((received) -> assertThat(
					JsonMapper.shared().readTree(received.body()).path("data").path("id").asLong())
				.isEqualTo(committed.id()));
	}

	@Test
	void endpointWhoseHostResolvesToLoopbackIsDeadAtOnceWithTheReasonAndNothingIsSent() {
		Invoice saved = this.invoices.save(new Invoice(null, "Mallory", new BigDecimal("5.00")));

		await().atMost(PATIENCE).until(() -> deadRow(saved.id()) != null);
		Map<String, Object> dead = deadRow(saved.id());
		assertThat(((Number) dead.get("attempts")).intValue()).isOne();
		assertThat((String) dead.get("last_error")).contains("Endpoint 'guarded' (http://localhost:")
			.contains("loopback")
			.contains("allow-private-network: true");
		await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
		assertThat(receiver.received()).singleElement()
			.satisfies((received) -> assertThat(received.header("webhook-id")).isNotEqualTo(dead.get("id")));
	}

	private @Nullable Map<String, Object> deadRow(@Nullable Long invoiceId) {
		for (Map<String, Object> row : this.jdbc.queryForList(
				"SELECT id, payload, attempts, last_error FROM plugboard_outbox WHERE topic = 'webhooks' AND status = 'DEAD'")) {
			Map<String, Object> columns = new HashMap<>();
			row.forEach((column, value) -> columns.put(column.toLowerCase(Locale.ROOT), value));
			JsonNode envelope = JsonMapper.shared().readTree(String.valueOf(columns.get("payload")));
			JsonNode event = JsonMapper.shared().readTree(envelope.path("body").asString());
			if ("guarded".equals(envelope.path("endpoint").asString())
					&& event.path("data").path("id").asLong() == invoiceId) {
				return columns;
			}
		}
		return null;
	}

	private static String type(Received received) {
		return JsonMapper.shared().readTree(received.body()).path("type").asString();
	}

}
