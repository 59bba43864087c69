package dev.plugboard.builtin.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, through Bucket4j's compare-and-swap proxy over Lettuce, so that every
 * instance sharing the Redis shares the limit. The bucket of a key lives under
 * {@code <key-prefix><policy>:<key>} and expires once it would be full again.
 *
 * <p>
 * Redis being down never stops the application: the first connection is tried at startup
 * for at most the connect timeout, and while there is no connection every operation fails
 * at once with {@link Buckets.BackendUnavailable} and a new connection is tried in the
 * background, at most once a second. Once connected, Lettuce reconnects by itself and
 * rejects commands while disconnected instead of queueing them.
 */
final class RedisBuckets implements Buckets {

	private static final Logger logger = LoggerFactory.getLogger(RedisBuckets.class);

	private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final RedisClient client;

	private final RedisURI uri;

	private final byte[][] prefixes;

	private final Supplier<BucketConfiguration>[] configurations;

	private final Duration timeout;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile @Nullable ProxyManager<byte[]> proxies;

	private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;

	private volatile long nextAttempt = System.nanoTime();

	@SuppressWarnings("unchecked")
	RedisBuckets(List<RateLimitConfig.Policy> policies, RateLimitConfig.Redis redis) {
		this.uri = RedisURI.create(redis.url());
		this.uri.setTimeout(redis.timeout());
		this.timeout = redis.timeout();
		this.client = RedisClient.create();
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(redis.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled(redis.timeout()))
			.build());
		this.prefixes = new byte[policies.size()][];
		this.configurations = new Supplier[policies.size()];
		for (int i = 0; i < policies.size(); i++) {
			RateLimitConfig.Policy policy = policies.get(i);
			this.prefixes[i] = (redis.keyPrefix() + policy.name() + ":").getBytes(StandardCharsets.UTF_8);
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit(Bandwidth.builder()
					.capacity(policy.capacity())
					.refillGreedy(policy.refillTokens(), policy.refillPeriod())
					.build())
				.build();
			this.configurations[i] = () -> configuration;
		}
		connect(redis.connectTimeout());
	}

	@Override
	public ConsumptionProbe tryConsume(int policy, String key) {
		ProxyManager<byte[]> proxies = this.proxies;
		if (proxies == null) {
			reconnect();
			throw new BackendUnavailable("Not connected to Redis at " + this.uri.getHost() + ":" + this.uri.getPort(),
					null);
		}
		try {
			return proxies.builder()
				.build(key(policy, key), this.configurations[policy])
				.tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			throw new BackendUnavailable("Redis did not answer: " + ex.getMessage(), ex);
		}
	}

	private byte[] key(int policy, String key) {
		byte[] prefix = this.prefixes[policy];
		byte[] suffix = key.getBytes(StandardCharsets.UTF_8);
		byte[] full = new byte[prefix.length + suffix.length];
		System.arraycopy(prefix, 0, full, 0, prefix.length);
		System.arraycopy(suffix, 0, full, prefix.length, suffix.length);
		return full;
	}

	/**
	 * Connect, waiting at most the given time; a connection that completes later is still
	 * used.
	 */
	private void connect(Duration wait) {
		if (!this.connecting.compareAndSet(false, true)) {
			return;
		}
		var future = this.client.connectAsync(ByteArrayCodec.INSTANCE, this.uri).toCompletableFuture();
		future.whenComplete((connection, failure) -> {
			if (failure != null) {
				logger.warn("rate-limit: cannot connect to Redis at {}:{} ({}); requests follow on-error until it "
						+ "answers", this.uri.getHost(), this.uri.getPort(), failure.getMessage());
				this.nextAttempt = System.nanoTime() + RETRY_NANOS;
			}
			else {
				this.connection = connection;
				this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
					.requestTimeout(this.timeout)
					.build();
			}
			this.connecting.set(false);
		});
		try {
			future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// reported by whenComplete; the application starts without Redis
		}
	}

	private void reconnect() {
		if (System.nanoTime() - this.nextAttempt >= 0) {
			connect(Duration.ZERO);
		}
	}

	@Override
	public void close() {
		StatefulRedisConnection<byte[], byte[]> connection = this.connection;
		if (connection != null) {
			connection.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
