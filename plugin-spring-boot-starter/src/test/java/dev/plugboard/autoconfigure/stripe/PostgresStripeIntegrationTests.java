package dev.plugboard.autoconfigure.stripe;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.SECRET;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.checkoutCompleted;
import static dev.plugboard.autoconfigure.stripe.StripeWebhooks.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code stripe} built-in on PostgreSQL at 127.0.0.1:5432, in its own schema, with
 * the event table created by the starter ({@code initialize-schema: always}); and
 * concurrent deliveries of the same events, of which the primary key lets exactly one
 * each through.
 */
@EnabledIfPostgres
class PostgresStripeIntegrationTests extends AbstractStripeIntegrationTests {

	private static final int THREADS = 8;

	private static final int EVENTS = 12;

	private static final int COPIES = 4;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_stripe"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "12");
		registry.add("plugboard.plugins.stripe.initialize-schema", () -> "always");
	}

	@Test
	void concurrentDeliveriesOfTheSameEventProcessItExactlyOnce() throws Exception {
		this.handler.delayMillis = 100;
		// The copies of an event are queued side by side, so that they reach the server
		// together.
		List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
		for (int e = 0; e < EVENTS; e++) {
			for (int copy = 0; copy < COPIES; copy++) {
				String payload = checkoutCompleted("evt_concurrent_" + e, "order-" + e);
				String signature = header(payload, SECRET, T + copy);
				deliveries.add(() -> deliver(payload, signature));
			}
		}
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (Callable<HttpResponse<String>> delivery : deliveries) {
				answers.add(executor.submit(() -> {
					start.await();
					return delivery.call();
				}));
			}
			start.countDown();
			int duplicates = 0;
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				duplicates += Boolean.TRUE.equals(json(response).get("duplicate")) ? 1 : 0;
			}
			assertThat(duplicates).isEqualTo(EVENTS * (COPIES - 1));
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.handler.handled).hasSize(EVENTS).doesNotHaveDuplicates();
		List<Map<String, Object>> paid = this.jdbc
			.queryForList("SELECT event_id, COUNT(*) AS n FROM paid_order GROUP BY event_id");
		assertThat(paid).hasSize(EVENTS).allSatisfy((row) -> assertThat(((Number) row.get("n")).intValue()).isOne());
		assertThat(recorded()).isEqualTo(EVENTS);
	}

}
