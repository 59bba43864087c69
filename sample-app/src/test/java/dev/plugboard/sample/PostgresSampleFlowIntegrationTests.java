package dev.plugboard.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample's main flows with the {@code postgres} profile, on the machine's PostgreSQL.
 * The tables live in a schema of their own, recreated for each run, so that other suites
 * sharing the database are not disturbed; the schema initialisation runs the same
 * {@code schema.sql} as on H2.
 */
@EnabledIfPostgres
@ActiveProfiles("postgres")
class PostgresSampleFlowIntegrationTests extends SampleFlowIntegrationTests {

	/** One schema per test JVM, so that two builds sharing the database never meet. */
	private static final String SCHEMA = "plugboard_sample_" + ProcessHandle.current().pid();

	@DynamicPropertySource
	static void ownSchema(DynamicPropertyRegistry registry) {
		recreateSchema();
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.URL + "?currentSchema=" + SCHEMA);
	}

	@AfterAll
	static void dropSchema() {
		execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(EnabledIfPostgres.URL, EnabledIfPostgres.USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql, ex);
		}
	}

	private static void recreateSchema() {
		try (Connection connection = DriverManager.getConnection(EnabledIfPostgres.URL, EnabledIfPostgres.USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			statement.execute("CREATE SCHEMA " + SCHEMA);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not recreate schema " + SCHEMA, ex);
		}
	}

}
