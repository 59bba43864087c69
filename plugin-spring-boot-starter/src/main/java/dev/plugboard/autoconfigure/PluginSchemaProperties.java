package dev.plugboard.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * The keys of every part of Plugboard that keeps tables in the application's database
 * (the audit log, the outbox, Stripe's event ids): when to create them, and for which
 * platform. Extend it in the part's properties, which add the {@code schema} location.
 *
 * @since 0.1.0
 */
public abstract class PluginSchemaProperties {

	/**
	 * When to create the tables at startup: 'embedded' (embedded databases only),
	 * 'always' or 'never'. The statements are idempotent.
	 */
	private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

	/**
	 * Platform used in place of '@@platform@@' in the schema location. Detected from the
	 * DataSource when not set.
	 */
	private @Nullable String platform;

	public DatabaseInitializationMode getInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	public @Nullable String getPlatform() {
		return this.platform;
	}

	public void setPlatform(@Nullable String platform) {
		this.platform = platform;
	}

	/**
	 * The location of the script that creates the tables.
	 * @return the location, which may hold '@@platform@@'
	 */
	public abstract String getSchema();

}
