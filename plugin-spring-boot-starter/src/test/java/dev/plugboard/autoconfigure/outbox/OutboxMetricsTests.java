package dev.plugboard.autoconfigure.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import dev.plugboard.Outbox;
import dev.plugboard.UndeliverableException;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox meters as an operator reads them while records are delivered, retried and
 * dead-lettered.
 */
class OutboxMetricsTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final Deliveries deliveries = new Deliveries();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, OutboxAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				TransactionAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "plugboard.outbox.poll-interval=50ms",
				"plugboard.outbox.retry.initial-delay=50ms", "plugboard.outbox.retry.jitter=0");

	@Test
	void countersAndGaugesFollowDeliveriesRetriesAndDeadLetters() {
		CountDownLatch release = new CountDownLatch(1);
		Set<String> failedOnce = ConcurrentHashMap.newKeySet();
		RecordingOutboxPlugin plugin = new RecordingOutboxPlugin("mail", this.deliveries).receiving((record) -> {
			switch (record.payload()) {
				case "flaky" -> {
					if (failedOnce.add(record.id())) {
						throw new IOException("timeout");
					}
				}
				case "bad" -> throw new UndeliverableException("no such mailbox");
				case "slow" -> release.await();
				default -> {
				}
			}
		});
		this.contextRunner.withBean("mailPlugin", RecordingOutboxPlugin.class, () -> plugin).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Outbox outbox = context.getBean(Outbox.class);
			assertThat(counter(registry, "plugboard.outbox.delivered")).isZero();
			outbox.enqueue("mail", "ok");
			outbox.enqueue("mail", "flaky");
			outbox.enqueue("mail", "bad");
			await().atMost(PATIENCE).untilAsserted(() -> {
				assertThat(counter(registry, "plugboard.outbox.delivered")).isEqualTo(2);
				assertThat(counter(registry, "plugboard.outbox.retried")).isEqualTo(1);
				assertThat(counter(registry, "plugboard.outbox.dead-lettered")).isEqualTo(1);
			});
			assertThat(gauge(registry, "plugboard.outbox.dead")).isEqualTo(1);
			assertThat(gauge(registry, "plugboard.outbox.pending")).isZero();
			assertThat(gauge(registry, "plugboard.outbox.in-flight")).isZero();
			outbox.enqueue("mail", "slow");
			await().atMost(PATIENCE).until(() -> gauge(registry, "plugboard.outbox.in-flight") == 1);
			assertThat(gauge(registry, "plugboard.outbox.pending")).as("a claimed record is still pending")
				.isEqualTo(1);
			release.countDown();
			await().atMost(PATIENCE)
				.until(() -> gauge(registry, "plugboard.outbox.in-flight") == 0
						&& gauge(registry, "plugboard.outbox.pending") == 0);
			assertThat(counter(registry, "plugboard.outbox.delivered")).isEqualTo(3);
		});
	}

	@Test
	void withoutAnOutboxPluginThereAreNoOutboxMeters() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("plugboard.outbox.pending").gauge())
				.isNull());
	}

	private static double counter(MeterRegistry registry, String name) {
		FunctionCounter counter = registry.find(name).tag("topic", "mail").functionCounter();
		assertThat(counter).as(name).isNotNull();
		return counter.count();
	}

	private static double gauge(MeterRegistry registry, String name) {
		Gauge gauge = registry.find(name).gauge();
		assertThat(gauge).as(name).isNotNull();
		return gauge.value();
	}

}
