package dev.plugboard.builtin.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import dev.plugboard.IpRange;
import dev.plugboard.OnError;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.TrustedProxies;

/**
 * The configuration of the {@link RateLimitPlugin}.
 *
 * @param policies the policies, tried in order; the first whose paths and methods match a
 * request applies to it
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed
 * @param onError what a request gets when the backend cannot be asked:
 * {@link OnError#FAIL_OPEN} admits it, {@link OnError#FAIL_CLOSED} answers 503
 * @param backend where the buckets live
 * @param maxKeys the most buckets the local backend keeps per policy
 * @param redis how to reach Redis, for the Redis backend
 * @since 0.1.0
 */
public record RateLimitConfig(List<Policy> policies, TrustedProxies trustedProxies, OnError onError, Backend backend,
		int maxKeys, Redis redis) {

	/**
	 * Check the values and copy the list.
	 * @throws PluginConfigurationException when there is no policy, two share a name, or
	 * a number is out of range
	 */
	public RateLimitConfig {
		if (policies.isEmpty()) {
			throw new PluginConfigurationException("policies",
					"rate-limit has no policies. Add at least one, such as policies: [{name: api, paths: [\"/api/**\"], "
							+ "capacity: 100, refill-tokens: 100, refill-period: 1m}].");
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < policies.size(); i++) {
			if (!names.add(policies.get(i).name())) {
				throw new PluginConfigurationException("policies[" + i + "].name", "Two policies are named '"
						+ policies.get(i).name() + "'. Give each policy its own name: it names its buckets.");
			}
		}
		if (maxKeys < 1) {
			throw new PluginConfigurationException("max-keys",
					"max-keys is " + maxKeys + ", but the local backend needs room for at least one client.");
		}
		policies = List.copyOf(policies);
	}

	/**
	 * Parse trusted proxies written as in the manifest.
	 * @param written addresses or CIDR ranges
	 * @return the rule
	 * @throws PluginConfigurationException naming the first bad entry
	 */
	public static TrustedProxies trustedProxies(List<String> written) {
		List<IpRange> ranges = new ArrayList<>();
		for (int i = 0; i < written.size(); i++) {
			try {
				ranges.add(IpRange.parse(written.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new PluginConfigurationException("trusted-proxies[" + i + "]", ex.getMessage()
						+ ". Write an IPv4 or IPv6 address or a CIDR range, such as 10.0.0.0/8 or 2001:db8::/32.");
			}
		}
		return TrustedProxies.of(ranges);
	}

	/**
	 * Where the buckets live.
	 */
	public enum Backend {

		/**
		 * In this instance's memory: each instance limits on its own.
		 */
		LOCAL,

		/**
		 * In Redis: every instance pointing at the same Redis shares one limit.
		 */
		REDIS

	}

	/**
	 * What a policy counts requests by.
	 */
	public enum Key {

		/** The client's IP address, behind trusted proxies. */
		IP,

		/** The authenticated principal's name; anonymous requests count by IP. */
		PRINCIPAL,

		/** The API key header (hashed); requests without it count by IP. */
		API_KEY,

		/** A named header's value; requests without it count by IP. */
		HEADER

	}

	/**
	 * How to reach Redis.
	 *
	 * @param url the Redis URL, such as {@code redis://127.0.0.1:6379}
	 * @param keyPrefix the prefix of every bucket's Redis key
	 * @param connectTimeout how long a connection attempt may take
	 * @param timeout how long one bucket operation may take
	 */
	public record Redis(String url, String keyPrefix, Duration connectTimeout, Duration timeout) {

	}

	/**
	 * One policy: the requests it applies to, what it counts them by, and its bucket.
	 *
	 * @param name the policy's name, used in the {@code RateLimit} headers and bucket
	 * keys
	 * @param paths the path patterns it applies to
	 * @param methods the HTTP methods it applies to, upper case; empty for every method
	 * @param key what it counts requests by
	 * @param header the header for {@link Key#API_KEY} and {@link Key#HEADER}
	 * @param capacity the most tokens a bucket holds: the largest burst
	 * @param refillTokens tokens added per refill period
	 * @param refillPeriod the refill period
	 */
	public record Policy(String name, List<PathPattern> paths, Set<String> methods, Key key, @Nullable String header,
			long capacity, long refillTokens, Duration refillPeriod) {

		/**
		 * Copy the collections.
		 */
		public Policy {
			paths = List.copyOf(paths);
			methods = Set.copyOf(methods);
		}

		/**
		 * Build a policy from manifest values, checking each.
		 * @param prefix the policy's key in the manifest, such as {@code policies[0]}
		 * @param name the name
		 * @param paths the path patterns as written
		 * @param methods the methods as written, any case
		 * @param key what to count by
		 * @param header the header name, required for {@link Key#HEADER}
		 * @param capacity the capacity
		 * @param refillTokens the tokens per period; 0 or less for the capacity
		 * @param refillPeriod the period
		 * @return the policy
		 * @throws PluginConfigurationException naming the bad key
		 */
		public static Policy of(String prefix, @Nullable String name, List<String> paths, List<String> methods, Key key,
				@Nullable String header, long capacity, long refillTokens, Duration refillPeriod) {
			if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
				throw new PluginConfigurationException(prefix + ".name", "The policy's name is '" + name
						+ "'; give it a name of letters, digits, '.', '_' or '-', such as 'api': it names its buckets "
						+ "and appears in the RateLimit headers.");
			}
			if (paths.isEmpty()) {
				throw new PluginConfigurationException(prefix + ".paths",
						"The policy has no path patterns. Add some, such as [\"/**\"] for every path.");
			}
			List<PathPattern> patterns = new ArrayList<>();
			for (int i = 0; i < paths.size(); i++) {
				try {
					patterns.add(PathPatternParser.defaultInstance.parse(paths.get(i)));
				}
				catch (PatternParseException ex) {
					throw new PluginConfigurationException(prefix + ".paths[" + i + "]",
							"'" + paths.get(i) + "' is not a path pattern: " + ex.getMessage()
									+ ". Write a Spring path pattern, such as " + "/api/** or /orders/{id}.");
				}
			}
			Set<String> upper = new HashSet<>();
			methods.forEach((method) -> upper.add(method.strip().toUpperCase(Locale.ROOT)));
			if (capacity < 1) {
				throw new PluginConfigurationException(prefix + ".capacity",
						"capacity is " + capacity + "; a bucket must hold at least one token.");
			}
			long tokens = (refillTokens > 0) ? refillTokens : capacity;
			if (refillPeriod.isNegative() || refillPeriod.isZero()) {
				throw new PluginConfigurationException(prefix + ".refill-period",
						"refill-period is " + refillPeriod + "; write a positive duration, such as 1s or 1m.");
			}
			if ((double) tokens / refillPeriod.toNanos() > 1.0) {
				throw new PluginConfigurationException(prefix + ".refill-tokens",
						tokens + " tokens per " + refillPeriod
								+ " is more than one token per nanosecond, the fastest refill Bucket4j supports. Lower "
								+ "refill-tokens or lengthen refill-period.");
			}
			String headerName = header;
			if (key == Key.API_KEY && (headerName == null || headerName.isBlank())) {
				headerName = "X-Api-Key";
			}
			if (key == Key.HEADER && (headerName == null || headerName.isBlank())) {
				throw new PluginConfigurationException(prefix + ".header",
						"The policy counts by header but names none. Set 'header', such as X-Tenant-Id.");
			}
			return new Policy(name, patterns, upper, key, headerName, capacity, tokens, refillPeriod);
		}

		/**
		 * The time an empty bucket takes to fill up.
		 * @return the time to refill the capacity
		 */
		public Duration timeToFull() {
			long nanos = Math.max(1,
					(long) Math.ceil((double) this.refillPeriod.toNanos() * this.capacity / this.refillTokens));
			return Duration.ofNanos(nanos);
		}

	}

}
