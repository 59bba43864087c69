package dev.plugboard.autoconfigure.auditlog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.EnabledIfPostgres;
import dev.plugboard.autoconfigure.auditlog.AuditLogTestApplication.AccountService;
import dev.plugboard.autoconfigure.auditlog.AuditLogTestApplication.RolledBack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain under concurrent writers on PostgreSQL: two application contexts (two
 * "instances") on one schema, 8 threads, 500 mixed writes each, every fifth rolled back
 * on purpose after its save. The test counts what committed itself and checks the log has
 * exactly one row per committed write, none for a rolled-back one, no gap in the
 * sequence, and a chain that verifies.
 */
@EnabledIfPostgres
class PostgresAuditLogConcurrencyIntegrationTests {

	private static final int THREADS = 8;

	private static final int WRITES_PER_THREAD = 500;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		String url = EnabledIfPostgres.Condition.url("plugboard_audit_concurrency");
		first = start(url, "--server.port=0");
		second = start(url, "--spring.main.web-application-type=none");
	}

	private static ConfigurableApplicationContext start(String url, String web) {
		return new SpringApplicationBuilder(AuditLogTestApplication.class).run(web, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + EnabledIfPostgres.USERNAME,
				"--spring.datasource.hikari.maximum-pool-size=10", "--spring.sql.init.mode=always",
				"--spring.sql.init.schema-locations=classpath:plugboard-audit-log/schema.sql",
				"--plugboard.plugins.audit-log.entities=account",
				"--plugboard.plugins.audit-log.initialize-schema=always");
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void everyCommittedWriteHasExactlyOneRowInAnIntactChain() throws Exception {
		Map<WriteOp, AtomicLong> committed = new ConcurrentHashMap<>();
		for (WriteOp op : WriteOp.values()) {
			committed.put(op, new AtomicLong());
		}
		Set<Long> rolledBackInserts = ConcurrentHashMap.newKeySet();
		Set<Long> deleted = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> writers = new ArrayList<>();
		try {
			for (int t = 0; t < THREADS; t++) {
				AccountService service = ((t % 2 == 0) ? first : second).getBean(AccountService.class);
				int thread = t;
				writers.add(executor.submit((Callable<Void>) () -> {
					start.await();
					write(thread, service, committed, rolledBackInserts, deleted);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get();
			}
		}
		finally {
			executor.shutdownNow();
		}

		JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
		long total = committed.values().stream().mapToLong(AtomicLong::get).sum();
		assertThat(total).isGreaterThan(THREADS * WRITES_PER_THREAD * 3 / 4);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_audit_log", Long.class)).isEqualTo(total);
		assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM plugboard_audit_log", Long.class)).isEqualTo(1L);
		assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM plugboard_audit_log", Long.class)).isEqualTo(total);
		for (WriteOp op : WriteOp.values()) {
			assertThat(
					jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_audit_log WHERE op = ?", Long.class, op.name()))
				.as(op.name())
				.isEqualTo(committed.get(op).get());
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_audit_log WHERE changes LIKE '%rolled-back%'",
				Long.class))
			.isZero();
		Set<String> auditedIds = new HashSet<>(
				jdbc.queryForList("SELECT DISTINCT entity_id FROM plugboard_audit_log", String.class));
		assertThat(rolledBackInserts).isNotEmpty()
			.allSatisfy((id) -> assertThat(auditedIds).doesNotContain(String.valueOf(id)));
		assertThat(new HashSet<>(
				jdbc.queryForList("SELECT entity_id FROM plugboard_audit_log WHERE op = 'DELETE'", String.class)))
			.isEqualTo(deleted.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));

		String port = first.getEnvironment().getProperty("local.server.port");
		Map<String, Object> verification = AuditHttp
			.json(AuditHttp.get("http://localhost:" + port + "/audit-log/verify", AuditHttp.auditor()));
		assertThat(verification).containsEntry("intact", true);
		assertThat(((Number) verification.get("verified")).longValue()).isEqualTo(total);
	}

	/**
	 * One writer: inserts, updates and deletes of its own accounts in the caller's
	 * transaction; every fifth write fails after its save and rolls back.
	 */
	private static void write(int thread, AccountService service, Map<WriteOp, AtomicLong> committed,
			Set<Long> rolledBackInserts, Set<Long> deleted) {
		Random random = new Random(thread);
		List<Account> mine = new ArrayList<>();
		for (int i = 0; i < WRITES_PER_THREAD; i++) {
			boolean rollBack = i % 5 == 4;
			int dice = random.nextInt(10);
			if (mine.isEmpty() || dice < 4) {
				Account account = new Account(null, "t" + thread + "-" + i, "hash-" + i, null);
				if (rollBack) {
					try {
						service.saveThenFail(account.withName("rolled-back"));
					}
					catch (RolledBack ex) {
						rolledBackInserts.add(ex.id());
					}
				}
				else {
					mine.add(service.save(account));
					committed.get(WriteOp.INSERT).incrementAndGet();
				}
			}
			else if (dice < 8) {
				int index = random.nextInt(mine.size());
				Account current = mine.get(index);
				if (rollBack) {
					try {
						service.saveThenFail(current.withName("rolled-back"));
					}
					catch (RolledBack ex) {
						// expected
					}
				}
				else {
					mine.set(index, service.save(current.withName("t" + thread + "-" + i)));
					committed.get(WriteOp.UPDATE).incrementAndGet();
				}
			}
			else {
				Account current = mine.get(random.nextInt(mine.size()));
				if (rollBack) {
					try {
						service.deleteThenFail(current.id());
					}
					catch (RolledBack ex) {
						// expected
					}
				}
				else {
					service.delete(current.id());
					mine.remove(current);
					deleted.add(current.id());
					committed.get(WriteOp.DELETE).incrementAndGet();
				}
			}
		}
	}

}
