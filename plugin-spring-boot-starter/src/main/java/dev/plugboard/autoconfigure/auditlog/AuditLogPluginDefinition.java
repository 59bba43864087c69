package dev.plugboard.autoconfigure.auditlog;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
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
		initializeSchema(dataSource, properties);
		JdbcOperations jdbc = this.jdbc.getIfUnique(() -> new JdbcTemplate(dataSource));
		return new JdbcAuditLogStore(jdbc);
	}

	private static void initializeSchema(DataSource dataSource, AuditLogProperties properties) {
		if (properties.getInitializeSchema() == DatabaseInitializationMode.NEVER) {
			return;
		}
		PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver();
		List<String> locations;
		try {
			locations = (properties.getPlatform() != null)
					? resolver.resolveAll(properties.getPlatform(), properties.getSchema())
					: resolver.resolveAll(dataSource, properties.getSchema());
		}
		catch (IllegalStateException ex) {
			throw new PluginConfigurationException("platform",
					"Cannot tell the database platform for the audit-log schema (" + ex.getMessage()
							+ "); set plugboard.plugins.audit-log.platform (h2 or postgresql), or create the tables "
							+ "yourself and set initialize-schema: never.");
		}
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(locations);
		settings.setMode(properties.getInitializeSchema());
		try {
			new DataSourceScriptDatabaseInitializer(dataSource, settings).initializeDatabase();
		}
		catch (IllegalStateException ex) {
			throw new PluginConfigurationException("schema",
					"The audit-log schema script could not be run from " + locations + " (" + ex.getMessage()
							+ "). The starter ships scripts for h2 and postgresql; for another database create the "
							+ "tables yourself (see the README) and set initialize-schema: never, or point 'schema' "
							+ "at your own script.");
		}
	}

}
