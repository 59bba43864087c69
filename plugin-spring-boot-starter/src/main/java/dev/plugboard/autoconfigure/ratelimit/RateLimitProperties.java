package dev.plugboard.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.plugboard.OnError;

/**
 * Configuration of the {@code rate-limit} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.rate-limit")
public class RateLimitProperties {

	/**
	 * Where the buckets live: local keeps them in this instance's memory, redis shares
	 * them between every instance using the same Redis.
	 */
	private Backend backend = Backend.LOCAL;

	/**
	 * What a request gets when the buckets cannot be reached (Redis down or too slow):
	 * fail-open admits it unlimited, fail-closed answers 503.
	 */
	private OnError onError = OnError.FAIL_OPEN;

	/**
	 * Most buckets the local backend keeps per policy; beyond it the least useful are
	 * evicted, so a flood of distinct clients cannot exhaust memory.
	 */
	private int maxKeys = 100_000;

	/**
	 * Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For header is
	 * believed when counting by client IP. Empty to use the connection's peer address.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * Policies, tried in order; the first whose paths and methods match a request limits
	 * it. Requests no policy matches are not limited.
	 */
	private List<Policy> policies = new ArrayList<>();

	private final Redis redis = new Redis();

	public Backend getBackend() {
		return this.backend;
	}

	public void setBackend(Backend backend) {
		this.backend = backend;
	}

	public OnError getOnError() {
		return this.onError;
	}

	public void setOnError(OnError onError) {
		this.onError = onError;
	}

	public int getMaxKeys() {
		return this.maxKeys;
	}

	public void setMaxKeys(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public List<Policy> getPolicies() {
		return this.policies;
	}

	public void setPolicies(List<Policy> policies) {
		this.policies = policies;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Where the buckets live.
	 */
	public enum Backend {

		/** In this instance's memory; each instance limits on its own. */
		LOCAL,

		/** In Redis; every instance using the same Redis shares one limit. */
		REDIS

	}

	/**
	 * What a policy counts requests by.
	 */
	public enum Key {

		/** The client's IP address, behind the trusted proxies. */
		IP,

		/** The authenticated principal's name; anonymous requests count by IP. */
		PRINCIPAL,

		/** The API key header, hashed; requests without it count by IP. */
		API_KEY,

		/** The value of the header named by 'header'; requests without it count by IP. */
		HEADER

	}

	/**
	 * One policy: which requests it limits, what it counts them by, and its bucket.
	 */
	public static class Policy {

		/**
		 * Name of the policy, shown in the RateLimit headers and part of the Redis keys.
		 */
		private @Nullable String name;

		/**
		 * Spring path patterns the policy applies to.
		 */
		private List<String> paths = new ArrayList<>(List.of("/**"));

		/**
		 * HTTP methods the policy applies to. Empty for every method.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * What the policy counts requests by.
		 */
		private Key key = Key.IP;

		/**
		 * Header to count by: required for the header key, X-Api-Key by default for the
		 * api-key key.
		 */
		private @Nullable String header;

		/**
		 * Most tokens a bucket holds: the largest burst a client may send.
		 */
		private long capacity = 100;

		/**
		 * Tokens added to a bucket per refill period, spread evenly over the period.
		 * Defaults to the capacity.
		 */
		private long refillTokens;

		/**
		 * Period in which refill-tokens tokens are added.
		 */
		private Duration refillPeriod = Duration.ofMinutes(1);

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public Key getKey() {
			return this.key;
		}

		public void setKey(Key key) {
			this.key = key;
		}

		public @Nullable String getHeader() {
			return this.header;
		}

		public void setHeader(@Nullable String header) {
			this.header = header;
		}

		public long getCapacity() {
			return this.capacity;
		}

		public void setCapacity(long capacity) {
			this.capacity = capacity;
		}

		public long getRefillTokens() {
			return this.refillTokens;
		}

		public void setRefillTokens(long refillTokens) {
			this.refillTokens = refillTokens;
		}

		public Duration getRefillPeriod() {
			return this.refillPeriod;
		}

		public void setRefillPeriod(Duration refillPeriod) {
			this.refillPeriod = refillPeriod;
		}

	}

	/**
	 * The Redis backend's connection.
	 */
	public static class Redis {

		/**
		 * Redis URL, such as redis://user:password@host:6379/0 (rediss:// for TLS).
		 */
		private String url = "redis://localhost:6379";

		/**
		 * Prefix of every bucket's key; a bucket lives under prefix + policy + ':' +
		 * client key.
		 */
		private String keyPrefix = "plugboard:rate-limit:";

		/**
		 * How long a connection attempt may take. The first is made at startup; the
		 * application starts without Redis when it fails.
		 */
		private Duration connectTimeout = Duration.ofSeconds(1);

		/**
		 * How long one bucket operation may take before the request follows on-error.
		 */
		private Duration timeout = Duration.ofMillis(500);

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
