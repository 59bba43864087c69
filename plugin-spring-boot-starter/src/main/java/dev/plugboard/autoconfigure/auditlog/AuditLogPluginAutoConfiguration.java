package dev.plugboard.autoconfigure.auditlog;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.auditlog.AuditLogStore;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code audit-log} built-in. The plugin, its store
 * and its tables exist only when the manifest lists it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@ConditionalOnClass({ JsonMapper.class, JdbcOperations.class, DataSourceScriptDatabaseInitializer.class })
public final class AuditLogPluginAutoConfiguration {

	@Bean
	AuditLogPluginDefinition plugboardAuditLogPluginDefinition(ObjectProvider<AuditLogStore> store,
			ObjectProvider<DataSource> dataSource, ObjectProvider<JdbcOperations> jdbc, ObjectProvider<Clock> clock) {
		return new AuditLogPluginDefinition(store, dataSource, jdbc, clock);
	}

}
