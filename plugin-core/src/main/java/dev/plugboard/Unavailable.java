package dev.plugboard;

import java.util.Map;

/**
 * A 503 rejection: the service is deliberately unavailable (maintenance, a dependency
 * down) and the client should retry later. The answer carries {@code Retry-After}.
 *
 * @since 0.1.0
 */
public class Unavailable extends PluginException {

	private final long retryAfterSeconds;

	/**
	 * Reject until later.
	 * @param retryAfterSeconds seconds until a request may succeed
	 */
	public Unavailable(long retryAfterSeconds) {
		this(retryAfterSeconds, "The service is unavailable; retry after " + retryAfterSeconds + " seconds");
	}

	/**
	 * Reject until later, with an explanation.
	 * @param retryAfterSeconds seconds until a request may succeed
	 * @param detail the explanation
	 */
	public Unavailable(long retryAfterSeconds, String detail) {
		this("unavailable", retryAfterSeconds, detail);
	}

	/**
	 * Reject until later with a specific code, such as {@code maintenance}, so that a
	 * client can tell a planned outage from a failing dependency.
	 * @param code the machine-readable code
	 * @param retryAfterSeconds seconds until a request may succeed
	 * @param detail the explanation
	 */
	public Unavailable(String code, long retryAfterSeconds, String detail) {
		super(503, code, detail);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", Long.toString(this.retryAfterSeconds));
	}

}
