package dev.plugboard.builtin.webhooks;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.OutboxRecord;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.AfterWriteResult;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the {@code webhooks} after-write hook puts in the outbox, driven through the
 * {@link PluginHarness}, which runs the real dispatcher and captures the outbox records
 * (the durable outbox is tested on its own).
 */
class WebhooksPluginAfterWriteTests {

	private static final Instant NOW = Instant.parse("2026-11-27T03:04:05.678Z");

	private final String secret = Secrets.random();

	@Test
	void insertEnqueuesOneCreatedEventPerMatchingEndpoint() {
		PluginHarness harness = harness(endpoint("orders", List.of("order"), EnumSet.allOf(WriteOp.class)),
				endpoint("audit", List.of(), EnumSet.allOf(WriteOp.class)));

		List<OutboxRecord> records = harness
			.afterWrite(WriteOp.INSERT, "order",
					new Order(42L, new BigDecimal("19.90"), LocalDate.of(2026, 11, 27), "s3cret"), 42L)
			.outbox();

		assertThat(records).hasSize(2);
		assertThat(records).extracting(OutboxRecord::topic).containsOnly("webhooks");
		assertThat(records).extracting((record) -> envelope(record).path("endpoint").asString())
			.containsExactly("orders", "audit");
		JsonNode event = event(records.get(0));
		assertThat(event.path("type").asString()).isEqualTo("order.created");
		assertThat(event.path("timestamp").asString()).isEqualTo("2026-11-27T03:04:05.678Z");
		assertThat(event.path("data").path("id").asLong()).isEqualTo(42L);
		assertThat(event.path("data").path("total").decimalValue()).isEqualByComparingTo("19.90");
		assertThat(event.path("data").path("placedOn").asString()).isEqualTo("2026-11-27");
		assertThat(event.path("data").has("secretNote")).as("@JsonIgnore is honoured").isFalse();
		assertThat(event(records.get(1))).isEqualTo(event);
	}

	@Test
	void updateAndDeleteAreUpdatedAndDeletedEvents() {
		PluginHarness harness = harness(endpoint("orders", List.of("order"), EnumSet.allOf(WriteOp.class)));
		Order order = new Order(7L, BigDecimal.ONE, LocalDate.of(2026, 1, 1), null);

		assertThat(type(harness.afterWrite(WriteOp.UPDATE, "order", order, 7L))).containsExactly("order.updated");
		assertThat(type(harness.afterWrite(WriteOp.DELETE, "order", order, 7L))).containsExactly("order.deleted");
	}

	@Test
	void endpointGetsOnlyTheEntitiesAndOperationsItLists() {
		PluginHarness harness = harness(endpoint("new-orders", List.of("order"), EnumSet.of(WriteOp.INSERT)),
				endpoint("customers", List.of("customer"), EnumSet.allOf(WriteOp.class)));
		Order order = new Order(1L, BigDecimal.TEN, LocalDate.of(2026, 1, 1), null);

		assertThat(harness.afterWrite(WriteOp.UPDATE, "order", order, 1L).outbox()).isEmpty();
		assertThat(harness.afterWrite(WriteOp.DELETE, "order", order, 1L).outbox()).isEmpty();
		assertThat(harness.afterWrite(WriteOp.INSERT, "invoice", new Customer(5L, "Ada"), 5L).outbox()).isEmpty();

		assertThat(endpoints(harness.afterWrite(WriteOp.INSERT, "order", order, 1L))).containsExactly("new-orders");
		AfterWriteResult deleted = harness.afterWrite(WriteOp.DELETE, "customer", new Customer(5L, "Ada"), 5L);
		assertThat(endpoints(deleted)).containsExactly("customers");
		assertThat(type(deleted)).containsExactly("customer.deleted");
	}

	@Test
	void entityNamesMatchWithoutCaseUnderscoresOrDashes() {
		PluginHarness harness = harness(endpoint("lines", List.of("order-line"), EnumSet.allOf(WriteOp.class)));

		assertThat(type(harness.afterWrite(WriteOp.INSERT, "ORDER_LINE", new Customer(1L, "x"), 1L)))
			.containsExactly("ORDER_LINE.created");
	}

	@Test
	void manifestEntitiesKeyRestrictsThePluginAsAWhole() {
		PluginHarness harness = harness(endpoint("all", List.of(), EnumSet.allOf(WriteOp.class)))
			.withEntities("customer");

		assertThat(harness
			.afterWrite(WriteOp.INSERT, "order", new Order(1L, BigDecimal.TEN, LocalDate.of(2026, 1, 1), null), 1L)
			.outbox()).isEmpty();
		assertThat(type(harness.afterWrite(WriteOp.INSERT, "customer", new Customer(1L, "Ada"), 1L)))
			.containsExactly("customer.created");
	}

	@Test
	void entityThatDoesNotSerialiseFailsTheWriteInsteadOfLosingItsEvent() {
		PluginHarness harness = harness(endpoint("orders", List.of(), EnumSet.allOf(WriteOp.class)));

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.afterWrite(WriteOp.INSERT, "broken", new Broken(1L), 1L))
			.withMessageContaining("webhooks")
			.havingRootCause()
			.withMessage("no total yet");
	}

	@Test
	void enqueuedRecordIsDeliveredAsEnqueuedAndVerifies() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhooksPlugin plugin = new WebhooksPlugin(
					new WebhooksConfig(
							List.of(new WebhooksConfig.Endpoint("orders", URI.create(receiver.url()),
									List.of(this.secret), List.of("order"), EnumSet.allOf(WriteOp.class), true)),
							WebhooksConfig.DEFAULT_CONNECT_TIMEOUT, WebhooksConfig.DEFAULT_TIMEOUT),
					JsonMapper.shared(), Clock.systemUTC());
			OutboxRecord record = PluginHarness.of(plugin)
				.afterWrite(WriteOp.INSERT, "order", new Customer(3L, "Grace"), 3L)
				.outbox()
				.get(0);

			plugin.deliver(record);

			assertThat(receiver.received()).singleElement().satisfies((received) -> {
				assertThat(received.body()).isEqualTo(envelope(record).path("body").asString());
				assertThat(received.header("webhook-id")).isEqualTo(record.id());
				assertThatNoException()
					.isThrownBy(() -> new Webhook(this.secret).verify(received.body(), received.headers()));
			});
		}
	}

	private WebhooksConfig.Endpoint endpoint(String name, List<String> entities, Set<WriteOp> ops) {
		return new WebhooksConfig.Endpoint(name, URI.create("https://hooks.example.com/" + name), List.of(this.secret),
				entities, ops, false);
	}

	private static PluginHarness harness(WebhooksConfig.Endpoint... endpoints) {
		return PluginHarness.of(
				new WebhooksPlugin(
						new WebhooksConfig(List.of(endpoints), WebhooksConfig.DEFAULT_CONNECT_TIMEOUT,
								WebhooksConfig.DEFAULT_TIMEOUT),
						JsonMapper.shared(), Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	private static List<String> endpoints(AfterWriteResult result) {
		return result.outbox().stream().map((record) -> envelope(record).path("endpoint").asString()).toList();
	}

	private static List<String> type(AfterWriteResult result) {
		return result.outbox().stream().map((record) -> event(record).path("type").asString()).toList();
	}

	private static JsonNode envelope(OutboxRecord record) {
		return JsonMapper.shared().readTree(record.payload());
	}

	private static JsonNode event(OutboxRecord record) {
		return JsonMapper.shared().readTree(envelope(record).path("body").asString());
	}

	record Order(Long id, BigDecimal total, LocalDate placedOn, @JsonIgnore String secretNote) {

	}

	record Customer(Long id, String name) {

	}

	record Broken(Long id) {

		public BigDecimal getTotal() {
			throw new IllegalStateException("no total yet");
		}

	}

}
