package dev.plugboard.autoconfigure.auditlog;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.auditlog.AuditLogTestApplication.AccountRepository;
import dev.plugboard.autoconfigure.auditlog.AuditLogTestApplication.AccountService;
import dev.plugboard.autoconfigure.auditlog.AuditLogTestApplication.RolledBack;
import dev.plugboard.runtime.PluginFaultException;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code audit-log} built-in through the starter: rows written by real Spring Data
 * JDBC repositories in their transactions, read back with SQL, and its routes over HTTP.
 * Each subclass runs it against one database.
 */
@SpringBootTest(classes = AuditLogTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-audit-log/schema.sql",
				"plugboard.plugins.audit-log.entities=account" })
abstract class AbstractAuditLogIntegrationTests {

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private AccountService service;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void emptyTheLog() {
		this.jdbc.update("DELETE FROM account");
		this.jdbc.update("DELETE FROM plugboard_audit_log");
		this.jdbc.update("DELETE FROM plugboard_audit_head");
		this.jdbc.update("INSERT INTO plugboard_audit_head (id, seq, row_hash) VALUES (1, 0, ?)", "0".repeat(64));
	}

	@Test
	void writeWhoseRowCannotBeWrittenIsRolledBack() {
		this.jdbc.update("DELETE FROM plugboard_audit_head");

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> this.accounts.save(new Account(null, "Ada", null, null)))
			.withMessageContaining("audit-log");
		assertThat(this.accounts.count()).isZero();
		assertThat(rows()).isEmpty();
	}

	@Test
	void insertUpdateAndDeleteLeaveOneRowEachInOrder() {
		Account saved = this.accounts.save(new Account(null, "Ada", "h1", new BigDecimal("10.00")));
		this.accounts.save(saved.withName("Ada Lovelace"));
		this.accounts.deleteById(saved.id());

		List<Map<String, Object>> rows = rows();
		assertThat(rows).extracting((row) -> row.get("op")).containsExactly("INSERT", "UPDATE", "DELETE");
		assertThat(rows).extracting((row) -> ((Number) row.get("seq")).longValue()).containsExactly(1L, 2L, 3L);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("entity")).isEqualTo("account");
			assertThat(row.get("entity_id")).isEqualTo(String.valueOf(saved.id()));
			assertThat(row.get("principal")).isNull();
			assertThat(row.get("request_id")).isNull();
		});
		assertThat(rows.get(0).get("changes")).isNull();
		assertThat(rows.get(2).get("changes")).isNull();
		assertThat(changes(rows.get(1)))
			.containsExactly(Map.entry("name", Map.of("old", "Ada", "new", "Ada Lovelace")));
	}

	@Test
	void updateOfASecretIsMasked() {
		Account saved = this.accounts.save(new Account(null, "Ada", "old-hash", null));
		this.accounts.save(new Account(saved.id(), "Ada", "new-hash", null));

		Map<String, Object> update = rows().get(1);
		assertThat((String) update.get("changes")).doesNotContain("old-hash").doesNotContain("new-hash");
		assertThat(changes(update)).containsExactly(Map.entry("passwordHash", Map.of("old", "***", "new", "***")));
	}

	@Test
	void writeRolledBackByTheCallerLeavesNoRow() {
		Account kept = this.service.save(new Account(null, "Kept", null, null));

		assertThatExceptionOfType(RolledBack.class)
			.isThrownBy(() -> this.service.saveThenFail(new Account(null, "Gone", null, null)));
		assertThatExceptionOfType(RolledBack.class).isThrownBy(() -> this.service.deleteThenFail(kept.id()));

		assertThat(this.accounts.findAll()).extracting(Account::name).containsExactly("Kept");
		assertThat(rows()).singleElement().satisfies((row) -> assertThat(row.get("op")).isEqualTo("INSERT"));
		assertThat(head()).isEqualTo(1L);
	}

	@Test
	void concurrentWritersChainWithoutGaps() throws Exception {
		int threads = 3;
		int writes = 20;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				writers.add(executor.submit(() -> {
					for (int i = 0; i < writes; i++) {
						this.service.save(new Account(null, "t" + thread + "-" + i, null, null));
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(rows()).extracting((row) -> ((Number) row.get("seq")).longValue())
			.containsExactlyElementsOf(LongStream.rangeClosed(1, threads * writes).boxed().toList());
		assertThat(AuditHttp.json(AuditHttp.get(url("/audit-log/verify"), AuditHttp.auditor()))).containsEntry("intact",
				true);
	}

	@Test
	void writeDuringARequestRecordsItsPrincipalAndRequestId() {
		HttpResponse<String> created = AuditHttp.send("POST", url("/accounts"), "{\"name\":\"Ada\"}", "X-Test-User",
				"ada");
		assertThat(created.statusCode()).isEqualTo(200);

		assertThat(rows()).singleElement().satisfies((row) -> {
			assertThat(row.get("principal")).isEqualTo("ada");
			assertThat((String) row.get("request_id")).isNotBlank();
		});
	}

	@Test
	void routesAnswer401WithoutACaller() {
		HttpResponse<String> response = AuditHttp.get(url("/audit-log/verify"));

		assertProblem(response, 401, "audit-log");
		assertThat(response.body()).contains("\"code\":\"unauthorized\"");
	}

	@Test
	void routesAnswer403WithoutTheRole() {
		HttpResponse<String> response = AuditHttp.get(url("/audit-log"), "X-Test-User", "bob", "X-Test-Roles", "USER");

		assertProblem(response, 403, "audit-log");
		assertThat(response.body()).contains("\"code\":\"role-required\"");
	}

	@Test
	void verifyReportsAnIntactChain() {
		Account saved = this.accounts.save(new Account(null, "Ada", null, null));
		this.accounts.save(saved.withName("Grace"));

		HttpResponse<String> response = AuditHttp.get(url("/audit-log/verify"), AuditHttp.auditor());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> body = AuditHttp.json(response);
		assertThat(body).containsEntry("intact", true).containsEntry("verified", 2).doesNotContainKey("firstBroken");
	}

	@Test
	void verifyNamesARowEditedWithSql() {
		for (int i = 0; i < 4; i++) {
			this.accounts.save(new Account(null, "A" + i, null, null));
		}
		String editedId = (String) rows().get(2).get("entity_id");
		this.jdbc.update("UPDATE plugboard_audit_log SET principal = 'mallory' WHERE seq = 3");

		Map<String, Object> body = AuditHttp.json(AuditHttp.get(url("/audit-log/verify"), AuditHttp.auditor()));

		assertThat(body).containsEntry("intact", false).containsEntry("verified", 2);
		@SuppressWarnings("unchecked")
		Map<String, Object> broken = (Map<String, Object>) body.get("firstBroken");
		assertThat(broken).containsEntry("seq", 3).containsEntry("entity", "account").containsEntry("id", editedId);
	}

	@Test
	void pagesFilterByEntityIdAndSince() {
		Account first = this.accounts.save(new Account(null, "Ada", null, null));
		this.accounts.save(first.withName("Ada L."));
		this.accounts.save(new Account(null, "Grace", null, null));

		Map<String, Object> page = AuditHttp.json(AuditHttp
			.get(url("/audit-log?entity=account&id=" + first.id() + "&size=1&page=1"), AuditHttp.auditor()));

		assertThat(page).containsEntry("total", 2).containsEntry("page", 1).containsEntry("size", 1);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item).containsEntry("op", "UPDATE").containsEntry("seq", 2);
			assertThat(item.get("changes")).isEqualTo(Map.of("name", Map.of("old", "Ada", "new", "Ada L.")));
			assertThat(item.get("time")).isEqualTo(AuditLogTestApplication.NOW.toString());
		});
		assertThat(AuditHttp.json(AuditHttp.get(url("/audit-log?since=2099-01-01"), AuditHttp.auditor())))
			.containsEntry("total", 0);
	}

	@Test
	void badPageParameterIsA400() {
		HttpResponse<String> response = AuditHttp.get(url("/audit-log?size=100000"), AuditHttp.auditor());

		assertProblem(response, 400, "audit-log");
		assertThat(response.body()).contains("\"code\":\"invalid-parameter\"");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private List<Map<String, Object>> rows() {
		return this.jdbc
			.queryForList("SELECT seq, principal, request_id, entity, entity_id, op, changes "
					+ "FROM plugboard_audit_log ORDER BY seq")
			.stream()
			.map((row) -> {
				Map<String, Object> lower = new java.util.LinkedHashMap<>();
				row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT),
						(value instanceof java.sql.Clob clob) ? clobText(clob) : value));
				return lower;
			})
			.toList();
	}

	private static String clobText(java.sql.Clob clob) {
		try {
			return clob.getSubString(1, (int) clob.length());
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long head() {
		Long seq = this.jdbc.queryForObject("SELECT seq FROM plugboard_audit_head WHERE id = 1", Long.class);
		return (seq != null) ? seq : -1;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> changes(Map<String, Object> row) {
		return JsonMapper.builder().build().readValue((String) row.get("changes"), Map.class);
	}

}
