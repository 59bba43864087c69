package dev.plugboard.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated tests only when the PostgreSQL of the build machine answers on
 * {@value #URL}; otherwise they are skipped with a reason that names PostgreSQL. The
 * sample's own copy of the starter's test condition, which its tests cannot see.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EnabledIfPostgres.Condition.class)
@interface EnabledIfPostgres {

	/** The database the tests use. */
	String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	/** The user the tests connect as (trust authentication). */
	String USER = "postgres";

	/**
	 * Tries one connection per test class.
	 */
	final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			DriverManager.setLoginTimeout(5);
			try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
				return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + URL);
			}
			catch (SQLException ex) {
				return ConditionEvaluationResult
					.disabled("PostgreSQL is not reachable at " + URL + " (" + ex.getMessage() + ")");
			}
		}

	}

}
