package dev.plugboard.autoconfigure.auditlog;

import java.time.Clock;
import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PluginSchema;
import dev.plugboard.builtin.auditlog.AuditLogConfig;
import dev.plugboard.builtin.auditlog.AuditLogPlugin;
import dev.plugboard.builtin.auditlog.AuditLogStore;

/**
 * Creates the {@link AuditLogPlugin} when the manifest lists it: with the application's
 * {@link AuditLogStore} bean, else one on its {@link JdbcOperations} (after creating the
 * tables as {@code initialize-schema} says), and its {@link Clock} bean, else the system
 * clock in UTC.
 */
final class AuditLogPluginDefinition implements PluginDefinition<AuditLogProperties> {

	private final ObjectProvider<AuditLogStore> store;

	private final ObjectProvider<DataSource> dataSource;

	private final ObjectProvider<JdbcOperations> jdbc;

	private final ObjectProvider<Clock> clock;

	AuditLogPluginDefinition(ObjectProvider<AuditLogStore> store, ObjectProvider<DataSource> dataSource,
			ObjectProvider<JdbcOperations> jdbc, ObjectProvider<Clock> clock) {
		this.store = store;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String id() {
		return AuditLogPlugin.ID;
	}

	@Override
	public Class<AuditLogProperties> configurationType() {
		return AuditLogProperties.class;
	}

	@Override
	public Plugin create(AuditLogProperties properties) {
		AuditLogConfig config = new AuditLogConfig(properties.getMask(), properties.getRole(), properties.getBasePath(),
				properties.getDefaultPageSize(), properties.getMaxPageSize());
		AuditLogStore store = this.store.getIfAvailable(() -> jdbcStore(properties));
		return new AuditLogPlugin(config, store, this.clock.getIfAvailable(Clock::systemUTC));
	}

	private AuditLogStore jdbcStore(AuditLogProperties properties) {
		DataSource dataSource = this.dataSource.getIfUnique();
		if (dataSource == null) {
			throw new PluginConfigurationException("initialize-schema",
					"The audit log keeps its rows in the application's database, but there is no single DataSource "
							+ "bean; add spring-boot-starter-jdbc (or data-jdbc) with a database, or define an "
							+ "AuditLogStore bean.");
		}
		PluginSchema.initialize(AuditLogPlugin.ID, "plugboard.plugins.audit-log", dataSource, properties);
		JdbcOperations jdbc = this.jdbc.getIfUnique(() -> new JdbcTemplate(dataSource));
		return new JdbcAuditLogStore(jdbc);
	}

}
