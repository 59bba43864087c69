package dev.plugboard.sample;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated tests only when the Redis of the build machine answers {@code PING}
 * on {@value #URL}; otherwise they are skipped with a reason that names Redis. The
 * sample's own copy of the starter's test condition, which its tests cannot see.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EnabledIfRedis.Condition.class)
@interface EnabledIfRedis {

	/** The Redis the tests use. */
	String URL = "redis://127.0.0.1:6379";

	/**
	 * Sends one PING per test class.
	 */
	final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
				socket.setSoTimeout(2000);
				socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				String answer = new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
				return "+PONG".equals(answer) ? ConditionEvaluationResult.enabled("Redis answers at " + URL)
						: ConditionEvaluationResult.disabled("Redis at " + URL + " answered '" + answer + "'");
			}
			catch (IOException ex) {
				return ConditionEvaluationResult.disabled("Redis is not reachable at " + URL + ": " + ex.getMessage());
			}
		}

	}

}
