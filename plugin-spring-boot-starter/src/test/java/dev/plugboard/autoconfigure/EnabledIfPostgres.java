package dev.plugboard.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers at {@value #URL} (user
 * {@value #USERNAME}, trust auth); otherwise the class is skipped with a reason that
 * names the address, so a build on a machine without PostgreSQL passes and says what it
 * did not test.
 *
 * <p>
 * Give each suite its own schema with {@link Condition#url(String)}: it is created afresh
 * for each test JVM and dropped when that JVM exits, so that builds running side by side
 * never share tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnabledIfPostgres.Condition.class)
public @interface EnabledIfPostgres {

	/** The JDBC URL of the test database. */
	String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	/** The user the tests connect as. */
	String USERNAME = "postgres";

	/**
	 * The condition behind {@link EnabledIfPostgres}, and a helper for the schema of a
	 * suite.
	 */
	final class Condition implements ExecutionCondition {

		private static volatile String unavailable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String reason = unavailable();
			return (reason != null) ? ConditionEvaluationResult.disabled(reason)
					: ConditionEvaluationResult.enabled("PostgreSQL answers at 127.0.0.1:5432");
		}

		private static String unavailable() {
			String reason = unavailable;
			if (reason == null) {
				try (Connection connection = connect(URL)) {
					reason = "";
				}
				catch (SQLException ex) {
					reason = "PostgreSQL is not reachable at " + URL + " (user " + USERNAME + "): " + ex.getMessage();
				}
				unavailable = reason;
			}
			return reason.isEmpty() ? null : reason;
		}

		private static Connection connect(String url) throws SQLException {
			Properties properties = new Properties();
			properties.setProperty("user", USERNAME);
			properties.setProperty("connectTimeout", "5");
			return DriverManager.getConnection(url, properties);
		}

		/**
		 * Create a fresh schema for this test JVM, dropped when the JVM exits, and return
		 * the URL that makes it current.
		 * @param schema the schema's stem, such as {@code plugboard_data}; the JVM's
		 * process id is appended
		 * @return the JDBC URL
		 */
		public static String url(String schema) {
			String name = schema + "_" + ProcessHandle.current().pid();
			execute("DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> execute("DROP SCHEMA IF EXISTS " + name + " CASCADE")));
			return URL + "?currentSchema=" + name;
		}

		private static void execute(String... statements) {
			try (Connection connection = connect(URL); Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run " + String.join("; ", statements), ex);
			}
		}

	}

}
