package dev.plugboard.runtime.outbox;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the outbox to Micrometer: the gauges {@code plugboard.outbox.pending} and
 * {@code plugboard.outbox.dead} (rows in the table, read with a count query when the
 * gauge is published) and {@code plugboard.outbox.in-flight} (deliveries running in this
 * instance), and the counters {@code plugboard.outbox.delivered},
 * {@code plugboard.outbox.retried} and {@code plugboard.outbox.dead-lettered}, tagged
 * with the {@code topic}. The starter registers one when the application has a
 * {@link MeterRegistry}. Binds nothing when no enabled plugin delivers outbox records.
 *
 * @since 0.1.0
 */
public final class OutboxMetrics implements MeterBinder {

	private final OutboxStore store;

	private final OutboxWorkers workers;

	/**
	 * Create a binder.
	 * @param store the table, for the pending and dead gauges
	 * @param workers the pool, for in-flight and the counters
	 */
	public OutboxMetrics(OutboxStore store, OutboxWorkers workers) {
		this.store = store;
		this.workers = workers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.workers.topics().isEmpty()) {
			return;
		}
		Gauge.builder("plugboard.outbox.pending", this.store, safely(OutboxStore::pending))
			.description("Outbox records waiting for delivery or a retry, in all instances")
			.register(registry);
		Gauge.builder("plugboard.outbox.dead", this.store, safely(OutboxStore::dead))
			.description("Outbox records that used up their retry schedule or were undeliverable")
			.register(registry);
		Gauge.builder("plugboard.outbox.in-flight", this.workers, OutboxWorkers::inFlight)
			.description("Outbox deliveries running now in this instance")
			.register(registry);
		for (String topic : this.workers.topics()) {
			FunctionCounter.builder("plugboard.outbox.delivered", this.workers, (w) -> w.delivered(topic))
				.tag("topic", topic)
				.description("Outbox records delivered by this instance")
				.register(registry);
			FunctionCounter.builder("plugboard.outbox.retried", this.workers, (w) -> w.retried(topic))
				.tag("topic", topic)
				.description("Failed outbox deliveries scheduled for a retry")
				.register(registry);
			FunctionCounter.builder("plugboard.outbox.dead-lettered", this.workers, (w) -> w.deadLettered(topic))
				.tag("topic", topic)
				.description("Outbox records this instance moved to the dead letters")
				.register(registry);
		}
	}

	private static ToDoubleFunction<OutboxStore> safely(ToDoubleFunction<OutboxStore> count) {
		return (store) -> {
			try {
				return count.applyAsDouble(store);
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		};
	}

}
