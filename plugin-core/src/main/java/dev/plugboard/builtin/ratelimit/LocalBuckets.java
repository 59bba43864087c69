package dev.plugboard.builtin.ratelimit;

import java.util.List;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in this instance's memory, one bounded Caffeine cache per policy. A flood of
 * distinct keys evicts the least useful buckets (Caffeine's admission policy keeps the
 * frequently used ones) instead of growing the map; a bucket idle for the time it takes
 * to refill is dropped too, since it would be full again anyway.
 */
final class LocalBuckets implements Buckets {

	private final Cache<String, Bucket>[] caches;

	private final Function<String, Bucket>[] factories;

	@SuppressWarnings("unchecked")
	LocalBuckets(List<RateLimitConfig.Policy> policies, int maxKeys) {
		this.caches = new Cache[policies.size()];
		this.factories = new Function[policies.size()];
		for (int i = 0; i < policies.size(); i++) {
			RateLimitConfig.Policy policy = policies.get(i);
			Bandwidth limit = Bandwidth.builder()
				.capacity(policy.capacity())
				.refillGreedy(policy.refillTokens(), policy.refillPeriod())
				.build();
			this.caches[i] = Caffeine.newBuilder()
				.maximumSize(maxKeys)
				.expireAfterAccess(policy.timeToFull())
				.executor(Runnable::run)
				.build();
			this.factories[i] = (key) -> Bucket.builder().addLimit(limit).build();
		}
	}

	@Override
	public ConsumptionProbe tryConsume(int policy, String key) {
		return this.caches[policy].get(key, this.factories[policy]).tryConsumeAndReturnRemaining(1);
	}

	long size(int policy) {
		Cache<String, Bucket> cache = this.caches[policy];
		cache.cleanUp();
		return cache.estimatedSize();
	}

}
