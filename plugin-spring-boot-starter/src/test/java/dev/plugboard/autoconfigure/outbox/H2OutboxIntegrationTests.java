package dev.plugboard.autoconfigure.outbox;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.Outbox;
import dev.plugboard.UndeliverableException;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.outbox.Deliveries.Attempt;
import dev.plugboard.autoconfigure.outbox.OutboxEndpoint.OutboxDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox on an H2 database, with a test plugin as the receiver and a retry schedule
 * of tenths of a second: what is delivered, when, how often, and what is left after a
 * failure or a shutdown.
 */
class H2OutboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final Deliveries deliveries = new Deliveries();

	private final RecordingOutboxPlugin plugin = new RecordingOutboxPlugin("mail", this.deliveries);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, OutboxAutoConfiguration.class,
				OutboxEndpointAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
		.withBean("mailPlugin", RecordingOutboxPlugin.class, () -> this.plugin)
		.withPropertyValues("spring.datasource.generate-unique-name=true", "plugboard.outbox.poll-interval=50ms",
				"plugboard.outbox.retry.initial-delay=100ms", "plugboard.outbox.retry.multiplier=2",
				"plugboard.outbox.retry.jitter=0", "plugboard.outbox.retry.max-attempts=3",
				"plugboard.outbox.shutdown-timeout=300ms", "management.endpoints.web.exposure.include=outbox");

	@Test
	void aRecordEnqueuedInARolledBackTransactionIsNeverDelivered() {
		this.contextRunner.run((context) -> {
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			Outbox outbox = context.getBean(Outbox.class);
			String rolledBack = transaction.execute((status) -> {
				String id = outbox.enqueue("mail", "rolled back");
				status.setRollbackOnly();
				return id;
			});
			String committed = transaction.execute((status) -> outbox.enqueue("mail", "committed"));
			await().atMost(PATIENCE).until(() -> this.deliveries.delivered(committed));
			assertThat(this.deliveries.attempts()).extracting((attempt) -> attempt.record().id())
				.containsExactly(committed)
				.doesNotContain(rolledBack);
			assertThat(rows(context)).isEmpty();
		});
	}

	@Test
	void aCommittedRecordIsDeliveredOnceAfterTheCommitWithItsPayload() {
		this.contextRunner.run((context) -> {
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			String id = transaction.execute((status) -> {
				String enqueued = context.getBean(Outbox.class).enqueue("mail", "{\"to\":\"ada@example.com\"}");
				sleep(Duration.ofMillis(300));
				assertThat(this.deliveries.attempts()).as("delivered before the commit").isEmpty();
				return enqueued;
			});
			await().atMost(PATIENCE).until(() -> rows(context).isEmpty());
			assertThat(this.deliveries.attempts()).singleElement().satisfies((attempt) -> {
				assertThat(attempt.succeeded()).isTrue();
				assertThat(attempt.record().id()).isEqualTo(id);
				assertThat(attempt.record().topic()).isEqualTo("mail");
				assertThat(attempt.record().payload()).isEqualTo("{\"to\":\"ada@example.com\"}");
				assertThat(attempt.record().attempt()).isEqualTo(1);
			});
		});
	}

	@Test
	void theCommitWakesTheWorkersInsteadOfTheNextPoll() {
		this.contextRunner.withPropertyValues("plugboard.outbox.poll-interval=1h").run((context) -> {
			Outbox outbox = context.getBean(Outbox.class);
			String id = context.getBean(TransactionTemplate.class).execute((status) -> outbox.enqueue("mail", "woken"));
			await().atMost(PATIENCE).until(() -> this.deliveries.delivered(id));
		});
	}

	@Test
	void aFailingDeliveryIsRetriedOnTheScheduleWithTheSameIdThenIsDead() {
		this.plugin.receiving((record) -> {
			throw new IOException("receiver down");
		});
		this.contextRunner.run((context) -> {
			String id = context.getBean(Outbox.class).enqueue("mail", "doomed");
			await().atMost(PATIENCE).until(() -> "DEAD".equals(row(context, id).get("STATUS")));
			List<Attempt> attempts = this.deliveries.attempts(id);
			assertThat(attempts).extracting((attempt) -> attempt.record().attempt()).containsExactly(1, 2, 3);
			assertThat(attempts).extracting((attempt) -> attempt.record().id()).containsOnly(id);
			assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(100));
			assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(200));
			Map<String, Object> row = row(context, id);
			assertThat(row.get("ATTEMPTS")).isEqualTo(3);
			assertThat((String) row.get("LAST_ERROR")).isEqualTo("java.io.IOException: receiver down");
			assertThat(row.get("LOCKED_BY")).isNull();
			sleep(Duration.ofMillis(500));
			assertThat(this.deliveries.attempts(id)).as("attempts after the record died").hasSize(3);
		});
	}

	@Test
	void aDeliveryThatFailsAndThenSucceedsIsDeliveredWithTheSameId() {
		AtomicInteger calls = new AtomicInteger();
		this.plugin.receiving((record) -> {
			if (calls.incrementAndGet() < 3) {
				throw new IOException("503 from receiver");
			}
		});
		this.contextRunner.run((context) -> {
			String id = context.getBean(Outbox.class).enqueue("mail", "eventually");
			await().atMost(PATIENCE).until(() -> this.deliveries.delivered(id));
			assertThat(this.deliveries.attempts()).extracting((attempt) -> attempt.record().id()).containsOnly(id);
			assertThat(this.deliveries.attempts()).extracting(Attempt::succeeded).containsExactly(false, false, true);
			await().atMost(PATIENCE).until(() -> rows(context).isEmpty());
		});
	}

	@Test
	void anUndeliverableRecordIsDeadAfterOneAttempt() {
		this.plugin.receiving((record) -> {
			throw new UndeliverableException("address refused");
		});
		this.contextRunner.run((context) -> {
			String id = context.getBean(Outbox.class).enqueue("mail", "bad address");
			await().atMost(PATIENCE).until(() -> "DEAD".equals(row(context, id).get("STATUS")));
			assertThat(this.deliveries.attempts(id)).hasSize(1);
			assertThat((String) row(context, id).get("LAST_ERROR")).contains("address refused");
		});
	}

	@Test
	void theEndpointListsDeadRecordsAndRedeliversOne() {
		this.plugin.receiving((record) -> {
			throw new UndeliverableException("receiver misconfigured");
		});
		this.contextRunner.run((context) -> {
			OutboxEndpoint endpoint = context.getBean(OutboxEndpoint.class);
			String id = context.getBean(Outbox.class).enqueue("mail", "later");
			await().atMost(PATIENCE).until(() -> endpoint.outbox().dead() == 1);
			OutboxDescriptor report = endpoint.outbox();
			assertThat(report.pending()).isZero();
			assertThat(report.topics()).containsExactly("mail");
			assertThat(report.deadRecords()).singleElement().satisfies((dead) -> {
				assertThat(dead.id()).isEqualTo(id);
				assertThat(dead.topic()).isEqualTo("mail");
				assertThat(dead.attempts()).isEqualTo(1);
				assertThat(dead.lastError()).contains("receiver misconfigured");
			});
			this.plugin.receiving((record) -> {
			});
			assertThat(endpoint.redeliver("no-such-id").getStatus()).isEqualTo(404);
			assertThat(endpoint.redeliver(id).getStatus()).isEqualTo(200);
			await().atMost(PATIENCE).until(() -> this.deliveries.delivered(id));
			assertThat(this.deliveries.attempts(id)).extracting((attempt) -> attempt.record().attempt())
				.containsExactly(1, 1);
			await().atMost(PATIENCE).until(() -> endpoint.outbox().dead() == 0);
			assertThat(endpoint.redeliver(id).getStatus()).as("redelivering a delivered record").isEqualTo(404);
		});
	}

	@Test
	void aRecordWhoseClaimLeaseRanOutIsDeliveredByAnotherClaimer() {
		this.contextRunner.run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			OffsetDateTime leaseEnd = OffsetDateTime.now().plusSeconds(1);
			String id = insertClaimed(jdbc, leaseEnd);
			await().atMost(PATIENCE).until(() -> this.deliveries.delivered(id));
			assertThat(this.deliveries.attempts(id)).singleElement()
				.satisfies((attempt) -> assertThat(attempt.at()).isAfterOrEqualTo(leaseEnd.toInstant()));
		});
	}

	@Test
	void shutdownLeavesUndeliveredRecordsPendingAndTheNextStartDeliversThem() {
		String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		CountDownLatch started = new CountDownLatch(1);
		this.plugin.receiving((record) -> {
			started.countDown();
			Thread.sleep(60_000);
		});
		List<String> ids = new ArrayList<>();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "plugboard.outbox.workers=1")
			.run((context) -> {
				Outbox outbox = context.getBean(Outbox.class);
				ids.add(outbox.enqueue("mail", "slow"));
				assertThat(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
				ids.add(outbox.enqueue("mail", "queued behind it"));
			});
		assertThat(this.deliveries.attempts()).extracting((attempt) -> attempt.record().id())
			.containsExactly(ids.get(0));
		JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
		assertThat(direct.queryForList("SELECT id, status, attempts, locked_by FROM plugboard_outbox ORDER BY id"))
			.hasSize(2)
			.allSatisfy((row) -> {
				assertThat(row.get("STATUS")).isEqualTo("PENDING");
				assertThat(row.get("ATTEMPTS")).isEqualTo(0);
				assertThat(row.get("LOCKED_BY")).as("claim given back").isNull();
			});
		this.plugin.receiving((record) -> {
		});
		this.contextRunner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
			await().atMost(PATIENCE).until(() -> ids.stream().allMatch(this.deliveries::delivered));
			assertThat(this.deliveries.successes()).containsOnlyKeys(ids);
			await().atMost(PATIENCE).until(() -> rows(context).isEmpty());
		});
	}

	static String insertClaimed(JdbcTemplate jdbc, OffsetDateTime leaseEnd) {
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.update("INSERT INTO plugboard_outbox (id, topic, payload, status, attempts, next_attempt_at, created_at, "
				+ "locked_until, locked_by) VALUES (?, 'mail', 'orphaned', 'PENDING', 0, ?, ?, ?, 'crashed-instance')",
				id, now, now, leaseEnd);
		return id;
	}

	static List<Map<String, Object>> rows(AssertableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class)).queryForList("SELECT * FROM plugboard_outbox");
	}

	private static Map<String, Object> row(AssertableApplicationContext context, String id) {
		return new JdbcTemplate(context.getBean(DataSource.class))
			.queryForMap("SELECT * FROM plugboard_outbox WHERE id = ?", id);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
