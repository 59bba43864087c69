package dev.plugboard.builtin.webhooks;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.Outbox;
import dev.plugboard.OutboxRecord;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the {@code webhooks} after-write hook puts in the outbox, driven through the real
 * dispatcher with an outbox that records what it is given (the SPI boundary; the durable
 * outbox is tested on its own).
 */
class WebhooksPluginAfterWriteTests {

	private static final Instant NOW = Instant.parse("2026-11-27T03:04:05.678Z");

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final DeferredExecutor deferred = new DeferredExecutor(1, 1);

	private final String secret = Secrets.random();

	@AfterEach
	void shutdown() {
		this.deferred.shutdown(Duration.ofSeconds(5));
	}

	@Test
	void insertEnqueuesOneCreatedEventPerMatchingEndpoint() {
		PluginRuntime runtime = runtime(endpoint("orders", List.of("order"), EnumSet.allOf(WriteOp.class)),
				endpoint("audit", List.of(), EnumSet.allOf(WriteOp.class)));

		runtime.afterWrite(WriteOp.INSERT,
				new Order(42L, new BigDecimal("19.90"), LocalDate.of(2026, 11, 27), "s3cret"), 42L, "order", null);

		assertThat(this.outbox.records).hasSize(2);
		assertThat(this.outbox.records).extracting(Enqueued::topic).containsOnly("webhooks");
		assertThat(this.outbox.records).extracting((record) -> envelope(record).path("endpoint").asString())
			.containsExactly("orders", "audit");
		JsonNode event = event(this.outbox.records.get(0));
		assertThat(event.path("type").asString()).isEqualTo("order.created");
		assertThat(event.path("timestamp").asString()).isEqualTo("2026-11-27T03:04:05.678Z");
		assertThat(event.path("data").path("id").asLong()).isEqualTo(42L);
		assertThat(event.path("data").path("total").decimalValue()).isEqualByComparingTo("19.90");
		assertThat(event.path("data").path("placedOn").asString()).isEqualTo("2026-11-27");
		assertThat(event.path("data").has("secretNote")).as("@JsonIgnore is honoured").isFalse();
		assertThat(event(this.outbox.records.get(1))).isEqualTo(event);
	}

	@Test
	void updateAndDeleteAreUpdatedAndDeletedEvents() {
		PluginRuntime runtime = runtime(endpoint("orders", List.of("order"), EnumSet.allOf(WriteOp.class)));
		Order order = new Order(7L, BigDecimal.ONE, LocalDate.of(2026, 1, 1), null);

		runtime.afterWrite(WriteOp.UPDATE, order, 7L, "order", null);
		runtime.afterWrite(WriteOp.DELETE, order, 7L, "order", null);

		assertThat(this.outbox.records).extracting((record) -> event(record).path("type").asString())
			.containsExactly("order.updated", "order.deleted");
	}

	@Test
	void endpointGetsOnlyTheEntitiesAndOperationsItLists() {
		PluginRuntime runtime = runtime(endpoint("new-orders", List.of("order"), EnumSet.of(WriteOp.INSERT)),
				endpoint("customers", List.of("customer"), EnumSet.allOf(WriteOp.class)));
		Order order = new Order(1L, BigDecimal.TEN, LocalDate.of(2026, 1, 1), null);

		runtime.afterWrite(WriteOp.UPDATE, order, 1L, "order", null);
		runtime.afterWrite(WriteOp.DELETE, order, 1L, "order", null);
		runtime.afterWrite(WriteOp.INSERT, new Customer(5L, "Ada"), 5L, "invoice", null);

		assertThat(this.outbox.records).isEmpty();

		runtime.afterWrite(WriteOp.INSERT, order, 1L, "order", null);
		runtime.afterWrite(WriteOp.DELETE, new Customer(5L, "Ada"), 5L, "customer", null);

		assertThat(this.outbox.records).extracting((record) -> envelope(record).path("endpoint").asString())
			.containsExactly("new-orders", "customers");
		assertThat(event(this.outbox.records.get(1)).path("type").asString()).isEqualTo("customer.deleted");
	}

	@Test
	void entityNamesMatchWithoutCaseUnderscoresOrDashes() {
		PluginRuntime runtime = runtime(endpoint("lines", List.of("order-line"), EnumSet.allOf(WriteOp.class)));

		runtime.afterWrite(WriteOp.INSERT, new Customer(1L, "x"), 1L, "ORDER_LINE", null);

		assertThat(this.outbox.records).singleElement()
			.satisfies((record) -> assertThat(event(record).path("type").asString()).isEqualTo("ORDER_LINE.created"));
	}

	@Test
	void manifestEntitiesKeyRestrictsThePluginAsAWhole() {
		PluginRuntime runtime = runtime(new PluginSettings(null, null, List.of("customer"), null),
				endpoint("all", List.of(), EnumSet.allOf(WriteOp.class)));

		runtime.afterWrite(WriteOp.INSERT, new Order(1L, BigDecimal.TEN, LocalDate.of(2026, 1, 1), null), 1L, "order",
				null);
		runtime.afterWrite(WriteOp.INSERT, new Customer(1L, "Ada"), 1L, "customer", null);

		assertThat(this.outbox.records).singleElement()
			.satisfies((record) -> assertThat(event(record).path("type").asString()).isEqualTo("customer.created"));
	}

	@Test
	void entityThatDoesNotSerialiseFailsTheWriteInsteadOfLosingItsEvent() {
		PluginRuntime runtime = runtime(endpoint("orders", List.of(), EnumSet.allOf(WriteOp.class)));

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterWrite(WriteOp.INSERT, new Broken(1L), 1L, "broken", null))
			.withMessageContaining("webhooks")
			.havingRootCause()
			.withMessage("no total yet");
		assertThat(this.outbox.records).isEmpty();
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
			PluginRuntime runtime = runtime(PluginSettings.EMPTY, plugin);
			runtime.afterWrite(WriteOp.INSERT, new Customer(3L, "Grace"), 3L, "order", null);
			Enqueued enqueued = this.outbox.records.get(0);

			plugin.deliver(new OutboxRecord("rec-1", enqueued.topic(), enqueued.payload(), 1, NOW));

			assertThat(receiver.received()).singleElement().satisfies((received) -> {
				assertThat(received.body()).isEqualTo(envelope(enqueued).path("body").asString());
				assertThat(received.header("webhook-id")).isEqualTo("rec-1");
				assertThatNoException()
					.isThrownBy(() -> new Webhook(this.secret).verify(received.body(), received.headers()));
			});
		}
	}

	private WebhooksConfig.Endpoint endpoint(String name, List<String> entities, Set<WriteOp> ops) {
		return new WebhooksConfig.Endpoint(name, URI.create("https://hooks.example.com/" + name), List.of(this.secret),
				entities, ops, false);
	}

	private PluginRuntime runtime(WebhooksConfig.Endpoint... endpoints) {
		return runtime(PluginSettings.EMPTY, endpoints);
	}

	private PluginRuntime runtime(PluginSettings settings, WebhooksConfig.Endpoint... endpoints) {
		return runtime(settings, plugin(endpoints));
	}

	private PluginRuntime runtime(PluginSettings settings, WebhooksPlugin plugin) {
		Map<String, PluginSettings> manifest = Map.of(WebhooksPlugin.ID, settings);
		PluginRegistry registry = PluginRegistry.builder(manifest).add(plugin, PluginSource.BUILT_IN).build();
		return new PluginRuntime(registry, HookObserver.NONE, this.deferred, this.outbox);
	}

	private static WebhooksPlugin plugin(WebhooksConfig.Endpoint... endpoints) {
		return new WebhooksPlugin(new WebhooksConfig(List.of(endpoints), WebhooksConfig.DEFAULT_CONNECT_TIMEOUT,
				WebhooksConfig.DEFAULT_TIMEOUT), JsonMapper.shared(), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static JsonNode envelope(Enqueued record) {
		return JsonMapper.shared().readTree(record.payload());
	}

	private static JsonNode event(Enqueued record) {
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

	record Enqueued(String topic, String payload) {

	}

	/**
	 * An outbox that keeps what it is given.
	 */
	static final class RecordingOutbox implements Outbox {

		final List<Enqueued> records = new ArrayList<>();

		@Override
		public String enqueue(String topic, String payload) {
			this.records.add(new Enqueued(topic, payload));
			return "rec-" + this.records.size();
		}

	}

}
