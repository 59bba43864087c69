package dev.plugboard.autoconfigure.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.Outbox;
import dev.plugboard.autoconfigure.EnabledIfPostgres;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.outbox.Deliveries.Attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox on PostgreSQL at 127.0.0.1:5432, in its own schema: two application contexts
 * sharing the table as two instances would, claiming with {@code FOR UPDATE SKIP LOCKED}.
 */
@EnabledIfPostgres
class PostgresOutboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static String url;

	private final Deliveries deliveries = new Deliveries();

	@BeforeAll
	static void schema() {
		url = EnabledIfPostgres.Condition.url("plugboard_outbox");
	}

	private ApplicationContextRunner instance(String name) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, OutboxAutoConfiguration.class,
					DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
					TransactionAutoConfiguration.class))
			.withBean("mailPlugin", RecordingOutboxPlugin.class,
					() -> new RecordingOutboxPlugin("mail", "mail", name, this.deliveries)
						.receiving((record) -> Thread.sleep(ThreadLocalRandom.current().nextInt(3))))
			.withPropertyValues("spring.datasource.url=" + url,
					"spring.datasource.username=" + EnabledIfPostgres.USERNAME,
					"plugboard.outbox.initialize-schema=always", "plugboard.outbox.poll-interval=50ms",
					"plugboard.outbox.workers=4", "plugboard.outbox.batch-size=10");
	}

	@Test
	void twoInstancesDeliverEveryRecordAndNeverOneRecordInBothAtOnce() {
		instance("a").run((a) -> instance("b").run((b) -> {
			TransactionTemplate transaction = a.getBean(TransactionTemplate.class);
			Outbox outbox = a.getBean(Outbox.class);
			List<String> ids = new ArrayList<>();
			for (int batch = 0; batch < 20; batch++) {
				int first = batch * 50;
				ids.addAll(transaction.execute((status) -> {
					List<String> enqueued = new ArrayList<>();
					for (int i = first; i < first + 50; i++) {
						enqueued.add(outbox.enqueue("mail", "{\"n\":" + i + "}"));
					}
					return enqueued;
				}));
			}
			assertThat(Set.copyOf(ids)).hasSize(1000);
			await().atMost(PATIENCE).until(() -> this.deliveries.successes().size() == 1000);
			assertThat(this.deliveries.successes().keySet()).containsExactlyInAnyOrderElementsOf(ids);
			assertThat(this.deliveries.overlaps()).as("ids in flight in two deliveries at once").isEmpty();
			assertThat(this.deliveries.successes().values()).as("deliveries per id").containsOnly(1);
			Map<String, Long> byInstance = this.deliveries.attempts()
				.stream()
				.collect(Collectors.groupingBy(Attempt::receiver, Collectors.counting()));
			assertThat(byInstance).as("deliveries per instance").containsOnlyKeys("a", "b");
			await().atMost(PATIENCE)
				.until(() -> new JdbcTemplate(a.getBean(DataSource.class))
					.queryForObject("SELECT COUNT(*) FROM plugboard_outbox WHERE topic = 'mail'", Long.class) == 0);
		}));
	}

	@Test
	void aRowClaimedByACrashedInstanceIsDeliveredOnceItsLeaseRunsOut() {
		instance("survivor").run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			OffsetDateTime leaseEnd = OffsetDateTime.now().plusSeconds(1);
			String id = H2OutboxIntegrationTests.insertClaimed(jdbc, leaseEnd);
			await().atMost(PATIENCE).until(() -> this.deliveries.delivered(id));
			assertThat(this.deliveries.attempts(id)).singleElement().satisfies((attempt) -> {
				assertThat(attempt.receiver()).isEqualTo("survivor");
				assertThat(attempt.at()).isAfterOrEqualTo(leaseEnd.toInstant());
			});
		});
	}

}
