package dev.plugboard.autoconfigure.auditlog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.PluginDefinition;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.auditlog.AuditHead;
import dev.plugboard.builtin.auditlog.AuditLogPlugin;
import dev.plugboard.builtin.auditlog.AuditLogStore;
import dev.plugboard.builtin.auditlog.AuditQuery;
import dev.plugboard.builtin.auditlog.AuditRecord;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.analyze;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code audit-log} built-in through its auto-configuration: created with its tables
 * only when listed, on the application's store and clock when it has them, and every
 * configuration error stopping the boot.
 */
class AuditLogPluginAutoConfigurationTests {

	private static final Instant NOW = Instant.parse("2025-06-15T12:30:45Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PlugboardAutoConfiguration.class, AuditLogPluginAutoConfiguration.class,
						DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void pluginAndTablesAreAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(tables(context)).isEmpty();
		});
	}

	@Test
	void listedPluginIsABuiltInAndCreatesItsTablesOnAnEmbeddedDatabase() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.enabled=true").run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(tables(context)).containsExactlyInAnyOrder("PLUGBOARD_AUDIT_LOG", "PLUGBOARD_AUDIT_HEAD");
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT seq FROM plugboard_audit_head WHERE id = 1", Long.class)).isZero();
		});
	}

	@Test
	void disabledEntryCreatesNoPluginAndNoTables() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.enabled=false").run((context) -> {
			assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty();
			assertThat(tables(context)).isEmpty();
		});
	}

	@Test
	void initializeSchemaNeverLeavesTheTablesToTheApplication() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.initialize-schema=never").run((context) -> {
			plugin(context.getBean(PluginRegistry.class));
			assertThat(tables(context)).isEmpty();
		});
	}

	@Test
	void applicationStoreAndClockAreUsedWithoutADataSource() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, AuditLogPluginAutoConfiguration.class))
			.withUserConfiguration(StoreConfiguration.class)
			.withPropertyValues("plugboard.plugins.audit-log.enabled=true")
			.run((context) -> {
				PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
					.afterWrite(WriteOp.INSERT, "notes", new Note(1L), 1L);
				assertThat(context.getBean(ListStore.class).rows).singleElement()
					.satisfies((row) -> assertThat(row.time()).isEqualTo(NOW));
			});
	}

	@Test
	void missingDataSourceStopsTheBootSayingWhatToAdd() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, AuditLogPluginAutoConfiguration.class))
			.withPropertyValues("plugboard.plugins.audit-log.enabled=true")
			.run((context) -> assertThat(manifestFailure(context).description()).contains("DataSource")
				.contains("AuditLogStore"));
	}

	@Test
	void roleWithAPrefixStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.role=ROLE_AUDITOR").run((context) -> {
			ManifestException failure = manifestFailure(context);
			assertThat(failure.problem()).isEqualTo(Problem.INVALID_VALUE);
			assertThat(failure.description()).contains("plugboard.plugins.audit-log.role").contains("ROLE_");
			assertThat(analyze(context.getStartupFailure()).getAction()).isNotBlank();
		});
	}

	@Test
	void badBasePathStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.base-path=audit")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.audit-log.base-path"));
	}

	@Test
	void unknownInitializationModeDoesNotBind() {
		this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.initialize-schema=sometimes")
			.run((context) -> assertThat(manifestFailure(context).problem()).isEqualTo(Problem.INVALID_VALUE));
	}

	@Test
	void nothingIsDefinedWithoutJackson() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AuditLogPluginDefinition.class));
	}

	@Test
	void nothingIsDefinedWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginDefinition.class));
	}

	private static List<String> tables(AssertableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'PLUGBOARD_AUDIT%'",
					String.class);
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(AuditLogPlugin.ID);
		return registry.enabled().get(0);
	}

	private static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ManifestException manifest) {
				return manifest;
			}
		}
		throw new AssertionError("Boot did not stop with a manifest problem", context.getStartupFailure());
	}

	record Note(Long id) {
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreConfiguration {

		@Bean
		ListStore store() {
			return new ListStore();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	static class ListStore implements AuditLogStore {

		final List<AuditRecord> rows = new ArrayList<>();

		private AuditHead head = new AuditHead(0, "0".repeat(64));

		@Override
		public synchronized AuditHead lockHead() {
			return this.head;
		}

		@Override
		public synchronized void append(AuditRecord record) {
			this.rows.add(record);
			this.head = new AuditHead(record.seq(), record.hash());
		}

		@Override
		public synchronized AuditHead head() {
			return this.head;
		}

		@Override
		public List<AuditRecord> rows(long afterSeq, long upToSeq, int limit) {
			return List.of();
		}

		@Override
		public List<AuditRecord> find(AuditQuery query) {
			return List.of();
		}

		@Override
		public long count(AuditQuery query) {
			return 0;
		}

	}

}
