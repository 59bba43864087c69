package dev.plugboard.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when Redis answers {@code PING} at
 * {@value #HOST}:{@value #PORT}; otherwise the class is skipped with a reason that names
 * the address, so a build on a machine without Redis passes and says what it did not
 * test.
 *
 * <p>
 * Give each run its own keys with {@link Condition#keyPrefix(String)}, so that builds
 * running side by side never share buckets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnabledIfRedis.Condition.class)
public @interface EnabledIfRedis {

	/** The host Redis listens on. */
	String HOST = "127.0.0.1";

	/** The port Redis listens on. */
	int PORT = 6379;

	/** The Redis URL. */
	String URL = "redis://" + HOST + ":" + PORT;

	/**
	 * The condition behind {@link EnabledIfRedis}, and a helper for key prefixes.
	 */
	final class Condition implements ExecutionCondition {

		private static volatile String unavailable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String reason = unavailable();
			return (reason != null) ? ConditionEvaluationResult.disabled(reason)
					: ConditionEvaluationResult.enabled("Redis answers at " + HOST + ":" + PORT);
		}

		private static String unavailable() {
			String reason = unavailable;
			if (reason == null) {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(HOST, PORT), 2000);
					socket.setSoTimeout(2000);
					socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
					InputStream in = socket.getInputStream();
					byte[] answer = in.readNBytes(5);
					String text = new String(answer, StandardCharsets.US_ASCII);
					reason = text.equals("+PONG") ? "" : "Redis at " + HOST + ":" + PORT + " answered '" + text + "'";
				}
				catch (IOException ex) {
					reason = "Redis is not reachable at " + HOST + ":" + PORT + ": " + ex.getMessage();
				}
				unavailable = reason;
			}
			return reason.isEmpty() ? null : reason;
		}

		/**
		 * A key prefix no other test run uses.
		 * @param stem the stem, such as {@code plugboard-test:rate-limit}
		 * @return the prefix, ending in {@code :}
		 */
		public static String keyPrefix(String stem) {
			return stem + ":" + UUID.randomUUID() + ":";
		}

	}

}
