package dev.plugboard.autoconfigure.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.ClassUtils;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.ratelimit.RateLimitConfig;
import dev.plugboard.builtin.ratelimit.RateLimitPlugin;

/**
 * Creates the {@link RateLimitPlugin} when the manifest lists it, and closes it (its
 * Redis connection) when the context closes.
 */
final class RateLimitPluginDefinition
		implements PluginDefinition<RateLimitProperties>, BeanClassLoaderAware, DisposableBean {

	private final List<RateLimitPlugin> created = new CopyOnWriteArrayList<>();

	private @Nullable ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public String id() {
		return RateLimitPlugin.ID;
	}

	@Override
	public Class<RateLimitProperties> configurationType() {
		return RateLimitProperties.class;
	}

	@Override
	public Plugin create(RateLimitProperties properties) {
		ClassLoader classLoader = this.classLoader;
		if (properties.getBackend() == RateLimitProperties.Backend.LOCAL
				&& !ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine", classLoader)) {
			throw new PluginConfigurationException("backend", "The local backend keeps its buckets in a Caffeine "
					+ "cache, but Caffeine is not on the classpath. Add com.github.ben-manes.caffeine:caffeine, or use "
					+ "backend: redis.");
		}
		if (properties.getBackend() == RateLimitProperties.Backend.REDIS
				&& (!ClassUtils.isPresent("io.lettuce.core.RedisClient", classLoader)
						|| !ClassUtils.isPresent("io.github.bucket4j.redis.lettuce.Bucket4jLettuce", classLoader))) {
			throw new PluginConfigurationException("backend",
					"The redis backend needs Lettuce and Bucket4j's Lettuce "
							+ "integration on the classpath. Add io.lettuce:lettuce-core and "
							+ "com.bucket4j:bucket4j_jdk17-lettuce, or use backend: local.");
		}
		List<RateLimitConfig.Policy> policies = new ArrayList<>();
		for (int i = 0; i < properties.getPolicies().size(); i++) {
			RateLimitProperties.Policy policy = properties.getPolicies().get(i);
			policies.add(RateLimitConfig.Policy.of("policies[" + i + "]", policy.getName(), policy.getPaths(),
					policy.getMethods(), RateLimitConfig.Key.valueOf(policy.getKey().name()), policy.getHeader(),
					policy.getCapacity(), policy.getRefillTokens(), policy.getRefillPeriod()));
		}
		RateLimitProperties.Redis redis = properties.getRedis();
		RateLimitConfig config = new RateLimitConfig(policies,
				RateLimitConfig.trustedProxies(properties.getTrustedProxies()), properties.getOnError(),
				RateLimitConfig.Backend.valueOf(properties.getBackend().name()), properties.getMaxKeys(),
				new RateLimitConfig.Redis(redis.getUrl(), redis.getKeyPrefix(), redis.getConnectTimeout(),
						redis.getTimeout()));
		RateLimitPlugin plugin = new RateLimitPlugin(config);
		this.created.add(plugin);
		return plugin;
	}

	@Override
	public void destroy() {
		this.created.forEach(RateLimitPlugin::close);
		this.created.clear();
	}

}
