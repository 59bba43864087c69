package dev.plugboard.autoconfigure.stripe;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.plugboard.builtin.stripe.StripeEvent;
import dev.plugboard.builtin.stripe.StripeEventHandler;

/**
 * An application with a fixed clock and a handler that marks an order paid in its own
 * table on {@code checkout.session.completed}: it can be told to fail after its insert,
 * and to take its time, to show what a rollback and concurrent deliveries do.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class StripeTestApplication {

	static final Instant NOW = Instant.parse("2025-05-01T08:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	/**
	 * Marks an order paid: a row in {@code paid_order}, in the event's transaction.
	 */
	@Component
	static class PaymentHandler implements StripeEventHandler {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		volatile long delayMillis;

		private final JdbcTemplate jdbc;

		PaymentHandler(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public Set<String> eventTypes() {
			return Set.of("checkout.session.completed");
		}

		@Override
		public void handle(StripeEvent event) throws Exception {
			this.handled.add(event.id());
			this.jdbc.update("INSERT INTO paid_order (event_id, order_ref) VALUES (?, ?)", event.id(),
					event.object().path("client_reference_id").stringValue());
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
			if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("the order service is down");
			}
		}

		void reset() {
			this.handled.clear();
			this.failures.set(0);
			this.delayMillis = 0;
		}

	}

}
