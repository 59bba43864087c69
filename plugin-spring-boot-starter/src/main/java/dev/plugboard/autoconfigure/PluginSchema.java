package dev.plugboard.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

import dev.plugboard.PluginConfigurationException;

/**
 * Creates the tables a part of Plugboard owns (the audit log, the outbox, …) from its
 * {@code schema-@@platform@@.sql} script, the way Spring Boot's own
 * {@code spring.sql.init} does, with boot-stopping messages that name the keys to fix.
 *
 * @since 0.1.0
 */
public final class PluginSchema {

	private PluginSchema() {
	}

	/**
	 * Run the schema script unless {@code initialize-schema} says not to.
	 * @param name what owns the tables, as users know it ({@code audit-log})
	 * @param prefix the configuration prefix of its keys
	 * ({@code plugboard.plugins.audit-log})
	 * @param dataSource the database
	 * @param properties its {@code initialize-schema}, {@code platform} and
	 * {@code schema} settings
	 * @throws PluginConfigurationException when the platform cannot be told or the script
	 * fails
	 */
	public static void initialize(String name, String prefix, DataSource dataSource,
			PluginSchemaProperties properties) {
		DatabaseInitializationMode mode = properties.getInitializeSchema();
		@Nullable String platform = properties.getPlatform();
		String schema = properties.getSchema();
		if (mode == DatabaseInitializationMode.NEVER) {
			return;
		}
		PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver();
		List<String> locations;
		try {
			locations = (platform != null) ? resolver.resolveAll(platform, schema)
					: resolver.resolveAll(dataSource, schema);
		}
		catch (IllegalStateException ex) {
			throw new PluginConfigurationException("platform",
					"Cannot tell the database platform for the " + name + " schema (" + ex.getMessage() + "); set "
							+ prefix + ".platform (h2 or postgresql), or create the tables yourself and set " + prefix
							+ ".initialize-schema: never.");
		}
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(locations);
		settings.setMode(mode);
		try {
			new DataSourceScriptDatabaseInitializer(dataSource, settings).initializeDatabase();
		}
		catch (IllegalStateException ex) {
			throw new PluginConfigurationException("schema",
					"The " + name + " schema script could not be run from " + locations + " (" + ex.getMessage()
							+ "). The starter ships scripts for h2 and postgresql; for "
							+ "another database create the tables yourself (see the README) and set " + prefix
							+ ".initialize-schema: never, or point " + prefix + ".schema at your own script.");
		}
	}

}
