package dev.plugboard.builtin.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.List;

import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RateLimited;
import dev.plugboard.RequestContext;
import dev.plugboard.TrustedProxies;
import dev.plugboard.Unavailable;
import dev.plugboard.builtin.ratelimit.RateLimitConfig.Key;
import dev.plugboard.builtin.ratelimit.RateLimitConfig.Policy;

/**
 * Limits request rates with token buckets (Bucket4j): the first policy whose path
 * patterns and methods match a request takes one token from the bucket of the request's
 * key (client IP behind trusted proxies, principal, API key or a header). A request that
 * finds the bucket empty is answered 429 with {@code Retry-After}; every answer of a
 * limited path carries the IETF {@code RateLimit-Policy} and {@code RateLimit} headers
 * (draft-ietf-httpapi-ratelimit-headers).
 *
 * <p>
 * When the buckets cannot be reached (Redis down), the configured {@link OnError}
 * decides: fail-open admits the request, fail-closed answers 503. Close the plugin to
 * release the Redis connection.
 *
 * @since 0.1.0
 */
public final class RateLimitPlugin implements BeforeRequestPlugin, AutoCloseable {

	/** The plugin's id. */
	public static final String ID = "rate-limit";

	/** Header with the policy that applies: its quota and window. */
	public static final String POLICY_HEADER = "RateLimit-Policy";

	/**
	 * Header with the client's remaining quota and the seconds until it is full again.
	 */
	public static final String LIMIT_HEADER = "RateLimit";

	private static final Logger logger = LoggerFactory.getLogger(RateLimitPlugin.class);

	private static final int MAX_RAW_HEADER_KEY = 64;

	private final CompiledPolicy[] policies;

	private final TrustedProxies trustedProxies;

	private final OnError onError;

	private final Buckets buckets;

	/**
	 * Create the plugin with the backend the configuration names.
	 * @param config the configuration
	 */
	public RateLimitPlugin(RateLimitConfig config) {
		this(config,
				(config.backend() == RateLimitConfig.Backend.REDIS)
						? new RedisBuckets(config.policies(), config.redis())
						: new LocalBuckets(config.policies(), config.maxKeys()));
	}

	RateLimitPlugin(RateLimitConfig config, Buckets buckets) {
		List<Policy> policies = config.policies();
		this.policies = new CompiledPolicy[policies.size()];
		for (int i = 0; i < policies.size(); i++) {
			this.policies[i] = new CompiledPolicy(policies.get(i));
		}
		this.trustedProxies = config.trustedProxies();
		this.onError = config.onError();
		this.buckets = buckets;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.RATE_LIMIT;
	}

	@Override
	public OnError onError() {
		return this.onError;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		PathContainer path = null;
		String method = request.method();
		for (int i = 0; i < this.policies.length; i++) {
			CompiledPolicy policy = this.policies[i];
			if (path == null && !policy.everyPath) {
				// parsed only when a policy before the first every-path one needs it
				path = PathContainer.parsePath(request.path());
			}
			if (policy.matches(method, path)) {
				limit(request, i, policy);
				return;
			}
		}
	}

	private void limit(RequestContext request, int index, CompiledPolicy policy) {
		ConsumptionProbe probe;
		try {
			probe = this.buckets.tryConsume(index, key(request, policy));
		}
		catch (Buckets.BackendUnavailable ex) {
			if (this.onError == OnError.FAIL_OPEN) {
				logger.debug("rate-limit: admitting {} {} unlimited: {}", request.method(), request.path(),
						ex.getMessage());
				return;
			}
			throw new Unavailable(1, "Rate limiting is unavailable; retry in a second.");
		}
		long reset = seconds(probe.getNanosToWaitForReset());
		if (probe.isConsumed()) {
			request.setResponseHeader(POLICY_HEADER, policy.policyHeader);
			request.setResponseHeader(LIMIT_HEADER, policy.limitHeader(probe.getRemainingTokens(), reset));
			return;
		}
		long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
		throw new RateLimited(retryAfter, policy.policyHeader, policy.limitHeader(0, reset));
	}

	private String key(RequestContext request, CompiledPolicy policy) {
		Key key = policy.policy.key();
		if (key == Key.PRINCIPAL) {
			Principal principal = request.principal();
			if (principal != null) {
				return "u:" + principal.getName();
			}
		}
		else if (key == Key.API_KEY || key == Key.HEADER) {
			String value = request.header(policy.header);
			if (value != null && !value.isEmpty()) {
				return (key == Key.HEADER && value.length() <= MAX_RAW_HEADER_KEY) ? "h:" + value : "#" + digest(value);
			}
		}
		return this.trustedProxies.isEmpty() ? request.remoteAddress()
				: String.valueOf(this.trustedProxies.clientAddress(request));
	}

	/**
	 * API keys and long header values are counted by a digest, so that secrets never end
	 * up in Redis keys and a client cannot make the bucket map hold large strings.
	 */
	private static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
	}

	/**
	 * The number of buckets the local backend holds for a policy, after evicting what it
	 * must.
	 * @param policy the index of the policy
	 * @return the number of buckets, or -1 for the Redis backend
	 */
	long localBuckets(int policy) {
		return (this.buckets instanceof LocalBuckets local) ? local.size(policy) : -1;
	}

	@Override
	public void close() {
		this.buckets.close();
	}

	@Override
	public String toString() {
		return "RateLimitPlugin[policies=" + this.policies.length + ", buckets="
				+ this.buckets.getClass().getSimpleName() + "]";
	}

	private static final class CompiledPolicy {

		private final Policy policy;

		private final PathPattern[] paths;

		private final boolean everyPath;

		private final String[] methods;

		private final @Nullable String header;

		private final String policyHeader;

		private final String limitPrefix;

		CompiledPolicy(Policy policy) {
			this.policy = policy;
			this.paths = policy.paths().toArray(new PathPattern[0]);
			this.everyPath = policy.paths().stream().map(PathPattern::getPatternString).anyMatch("/**"::equals);
			this.methods = policy.methods().toArray(new String[0]);
			this.header = policy.header();
			long window = seconds(policy.timeToFull().toNanos());
			this.policyHeader = "\"" + policy.name() + "\";q=" + policy.capacity() + ";w=" + window;
			this.limitPrefix = "\"" + policy.name() + "\";r=";
		}

		boolean matches(String method, @Nullable PathContainer path) {
			if (this.methods.length > 0 && !contains(this.methods, method)) {
				return false;
			}
			if (this.everyPath) {
				return true;
			}
			for (PathPattern pattern : this.paths) {
				if (path != null && pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}

		String limitHeader(long remaining, long reset) {
			return this.limitPrefix + remaining + ";t=" + reset;
		}

		private static boolean contains(String[] values, String value) {
			for (String candidate : values) {
				if (candidate.equals(value)) {
					return true;
				}
			}
			return false;
		}

	}

}
