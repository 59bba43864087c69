package dev.plugboard.builtin.auditlog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RouteResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link AuditLogPlugin} driven by the {@link PluginHarness}, on a store in memory.
 */
class AuditLogPluginTests {

	private static final Instant NOW = Instant.parse("2025-06-15T12:30:45.654321789Z");

	private final InMemoryAuditLogStore store = new InMemoryAuditLogStore();

	private final AuditLogPlugin plugin = new AuditLogPlugin(AuditLogConfig.defaults(), this.store,
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final PluginHarness harness = PluginHarness.of(this.plugin);

	@Test
	void pluginHasItsIdAndRecordsLast() {
		assertThat(this.plugin.id()).isEqualTo("audit-log");
		assertThat(this.plugin.order()).isEqualTo(PluginOrder.RECORDING);
	}

	@Test
	void insertIsOneRowWithoutChangesChainedToTheGenesis() {
		this.harness.afterWrite(WriteOp.INSERT, "accounts", new Account(7L, "Ada", "s3cret", null), 7L);

		assertThat(this.store.all()).singleElement().satisfies((row) -> {
			assertThat(row.seq()).isEqualTo(1);
			assertThat(row.time()).isEqualTo(Instant.parse("2025-06-15T12:30:45.654321Z"));
			assertThat(row.entity()).isEqualTo("accounts");
			assertThat(row.entityId()).isEqualTo("7");
			assertThat(row.op()).isEqualTo("INSERT");
			assertThat(row.changes()).isNull();
			assertThat(row.principal()).isNull();
			assertThat(row.requestId()).isNull();
			assertThat(row.prevHash()).isEqualTo(AuditChain.GENESIS);
			assertThat(row.hash()).hasSize(64).isNotEqualTo(AuditChain.GENESIS);
		});
	}

	@Test
	void updateRecordsOnlyTheChangedFieldsWithOldAndNewValues() {
		this.harness.withPrevious(new Account(7L, "Ada", "s3cret", new BigDecimal("10.0")))
			.afterWrite(WriteOp.UPDATE, "accounts", new Account(7L, "Grace", "s3cret", new BigDecimal("10.00")), 7L);

		assertThat(changes(this.store.all().get(0)))
			.containsExactly(Map.entry("name", Map.of("old", "Ada", "new", "Grace")));
	}

	@Test
	void secretLookingFieldsAreMaskedButStillListedWhenChanged() {
		this.harness.withPrevious(new Account(7L, "Ada", "old-secret", null))
			.afterWrite(WriteOp.UPDATE, "accounts", new Account(7L, "Ada", "new-secret", null), 7L);

		assertThat(this.store.all().get(0).changes()).doesNotContain("old-secret").doesNotContain("new-secret");
		assertThat(changes(this.store.all().get(0))).containsExactly(
				Map.entry("passwordHash", Map.of("old", AuditLogPlugin.MASKED, "new", AuditLogPlugin.MASKED)));
	}

	@Test
	void configuredMaskReplacesTheDefault() {
		AuditLogPlugin plugin = new AuditLogPlugin(
				new AuditLogConfig(List.of("NAME"), "AUDITOR", "/audit-log", 50, 500), this.store,
				Clock.fixed(NOW, ZoneOffset.UTC));
		PluginHarness.of(plugin)
			.withPrevious(new Account(7L, "Ada", "a", null))
			.afterWrite(WriteOp.UPDATE, "accounts", new Account(7L, "Grace", "b", null), 7L);

		assertThat(changes(this.store.all().get(0))).containsExactly(
				Map.entry("name", Map.of("old", "***", "new", "***")),
				Map.entry("passwordHash", Map.of("old", "a", "new", "b")));
	}

	@Test
	void beanChangesAreReadFromItsFields() {
		Note before = new Note();
		before.id = 3L;
		before.text = "draft";
		Note after = new Note();
		after.id = 3L;
		after.text = "final";
		this.harness.withPrevious(before).afterWrite(WriteOp.UPDATE, "notes", after, 3L);

		assertThat(changes(this.store.all().get(0)))
			.containsExactly(Map.entry("text", Map.of("old", "draft", "new", "final")));
	}

	@Test
	void writeDuringARequestRecordsThePrincipalAndTheRequestId() {
		this.harness.during(TestRequest.post("/accounts").principal("ada"))
			.afterWrite(WriteOp.DELETE, "accounts", new Account(7L, "Ada", "x", null), 7L);

		AuditRecord row = this.store.all().get(0);
		assertThat(row.principal()).isEqualTo("ada");
		assertThat(row.requestId()).isNotBlank();
		assertThat(row.op()).isEqualTo("DELETE");
	}

	@Test
	void storeFailureIsThrownSoTheWriteRollsBack() {
		AuditLogStore broken = new InMemoryAuditLogStore() {
			@Override
			public AuditHead lockHead() {
				throw new org.springframework.dao.CannotAcquireLockException("lock timeout");
			}
		};
		PluginHarness harness = PluginHarness
			.of(new AuditLogPlugin(AuditLogConfig.defaults(), broken, Clock.fixed(NOW, ZoneOffset.UTC)));

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.afterWrite(WriteOp.INSERT, "accounts", new Account(1L, "A", "p", null), 1L));
	}

	@Test
	void rowsChainInOrderAndVerifyIntact() {
		for (long id = 1; id <= 5; id++) {
			this.harness.afterWrite(WriteOp.INSERT, "accounts", new Account(id, "A" + id, "p", null), id);
		}
		List<AuditRecord> rows = this.store.all();
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).seq()).isEqualTo(i + 1);
			assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
		}

		AuditChain.Verification verification = verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.verified()).isEqualTo(5);
	}

	@Test
	void editedRowIsTheFirstBrokenOne() {
		for (long id = 1; id <= 5; id++) {
			this.harness.afterWrite(WriteOp.INSERT, "accounts", new Account(id, "A" + id, "p", null), id);
		}
		AuditRecord third = this.store.all().get(2);
		this.store.replace(2, new AuditRecord(third.seq(), third.time(), "mallory", third.requestId(), third.entity(),
				third.entityId(), third.op(), third.changes(), third.prevHash(), third.hash()));

		AuditChain.Verification verification = verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.verified()).isEqualTo(2);
		assertThat(verification.broken().seq()).isEqualTo(3);
		assertThat(verification.broken().entityId()).isEqualTo("3");
	}

	@Test
	void rowEditedWithARecomputedHashBreaksTheLinkOfTheNextRow() {
		for (long id = 1; id <= 3; id++) {
			this.harness.afterWrite(WriteOp.INSERT, "accounts", new Account(id, "A" + id, "p", null), id);
		}
		AuditRecord second = this.store.all().get(1);
		AuditRecord forged = new AuditRecord(second.seq(), second.time(), "mallory", second.requestId(),
				second.entity(), second.entityId(), second.op(), second.changes(), second.prevHash(), "");
		AuditChain chain = new AuditChain(JsonMapper.builder().build());
		this.store.replace(1,
				new AuditRecord(forged.seq(), forged.time(), forged.principal(), forged.requestId(), forged.entity(),
						forged.entityId(), forged.op(), forged.changes(), forged.prevHash(), chain.hashOf(forged)));

		assertThat(verify().broken().seq()).isEqualTo(3);
	}

	@Test
	void deletedRowIsNamedAsMissing() {
		for (long id = 1; id <= 3; id++) {
			this.harness.afterWrite(WriteOp.INSERT, "accounts", new Account(id, "A" + id, "p", null), id);
		}
		this.store.rows.remove(1);

		AuditChain.Verification verification = verify();
		assertThat(verification.broken().seq()).isEqualTo(2);
		assertThat(verification.broken().reason()).contains("missing");
	}

	@Test
	void truncatedTailIsNamedAgainstTheHead() {
		for (long id = 1; id <= 3; id++) {
			this.harness.afterWrite(WriteOp.INSERT, "accounts", new Account(id, "A" + id, "p", null), id);
		}
		this.store.rows.remove(2);

		assertThat(verify().broken().seq()).isEqualTo(3);
	}

	@Test
	void routesAnswer401WithoutAPrincipal() {
		RouteResult result = this.harness.route(TestRequest.get("/audit-log/verify"));

		assertThat(result.status()).isEqualTo(401);
		assertThat(result.body()).contains("\"plugin\":\"audit-log\"").contains("\"code\":\"unauthorized\"");
		assertThat(result.header("WWW-Authenticate")).isNotNull();
	}

	@Test
	void routesAnswer403WithoutTheRole() {
		RouteResult result = this.harness.route(TestRequest.get("/audit-log").principal("bob"));

		assertThat(result.status()).isEqualTo(403);
		assertThat(result.body()).contains("\"code\":\"role-required\"").contains("AUDITOR");
	}

	@Test
	void routesLiveUnderTheConfiguredBasePath() {
		PluginHarness harness = PluginHarness
			.of(new AuditLogPlugin(new AuditLogConfig(AuditLogConfig.DEFAULT_MASK, "AUDITOR", "/ops/audit", 50, 500),
					this.store, Clock.fixed(NOW, ZoneOffset.UTC)));

		assertThat(harness.route(TestRequest.get("/ops/audit/verify")).status()).isEqualTo(401);
		assertThat(harness.route(TestRequest.get("/ops/audit")).status()).isEqualTo(401);
		assertThat(harness.route(TestRequest.get("/audit-log/verify")).matched()).isFalse();
	}

	@Test
	void invalidConfigurationNamesTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new AuditLogConfig(List.of(), "ROLE_AUDITOR", "/audit-log", 50, 500))
			.withMessageContaining("ROLE_");
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new AuditLogConfig(List.of(), "AUDITOR", "audit-log/", 50, 500))
			.withMessageContaining("base path");
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new AuditLogConfig(List.of(), "AUDITOR", "/audit-log", 600, 500))
			.withMessageContaining("max-page-size");
	}

	private AuditChain.Verification verify() {
		return new AuditChain(JsonMapper.builder().build()).verify(this.store);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> changes(AuditRecord row) {
		return JsonMapper.builder().build().readValue(row.changes(), Map.class);
	}

	record Account(Long id, String name, String passwordHash, @Nullable BigDecimal balance) {
	}

	static class Note {

		@Nullable Long id;

		@Nullable String text;

	}

}
