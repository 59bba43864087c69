package dev.plugboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A 429 rejection: the client sent too many requests. The answer carries
 * {@code Retry-After}, and the IETF {@code RateLimit-Policy} and {@code RateLimit}
 * headers when given.
 *
 * @since 0.1.0
 */
public class RateLimited extends PluginException {

	private final long retryAfterSeconds;

	private final @Nullable String policy;

	private final @Nullable String rateLimit;

	/**
	 * Reject with a {@code Retry-After} only.
	 * @param retryAfterSeconds seconds until a request may succeed
	 */
	public RateLimited(long retryAfterSeconds) {
		this(retryAfterSeconds, null, null);
	}

	/**
	 * Reject with the rate-limit headers.
	 * @param retryAfterSeconds seconds until a request may succeed
	 * @param policy the {@code RateLimit-Policy} value, or {@code null}
	 * @param rateLimit the {@code RateLimit} value, or {@code null}
	 */
	public RateLimited(long retryAfterSeconds, @Nullable String policy, @Nullable String rateLimit) {
		super(429, "rate-limited", "Too many requests; retry after " + retryAfterSeconds + " seconds");
		this.retryAfterSeconds = retryAfterSeconds;
		this.policy = policy;
		this.rateLimit = rateLimit;
	}

	/**
	 * Seconds until a request may succeed.
	 * @return the delay in seconds
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	@Override
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Retry-After", Long.toString(this.retryAfterSeconds));
		if (this.policy != null) {
			headers.put("RateLimit-Policy", this.policy);
		}
		if (this.rateLimit != null) {
			headers.put("RateLimit", this.rateLimit);
		}
		return headers;
	}

}
