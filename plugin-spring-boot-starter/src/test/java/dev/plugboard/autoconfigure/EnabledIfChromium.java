package dev.plugboard.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when Chromium is installed at {@value #PATH} (Debian's
 * {@code chromium} package; {@code .ci/run} installs it); otherwise the class is skipped
 * with a reason that says so, and a build on a machine without it still passes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnabledIfChromium.Condition.class)
public @interface EnabledIfChromium {

	/** Where Debian's package installs the browser. */
	String PATH = "/usr/bin/chromium";

	/**
	 * The condition behind {@link EnabledIfChromium}.
	 */
	final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return Files.isExecutable(Path.of(PATH)) ? ConditionEvaluationResult.enabled("Chromium is at " + PATH)
					: ConditionEvaluationResult
						.disabled("Chromium is not installed at " + PATH + " (apt-get install -y chromium)");
		}

	}

}
