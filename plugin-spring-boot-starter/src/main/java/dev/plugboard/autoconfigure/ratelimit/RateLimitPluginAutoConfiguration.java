package dev.plugboard.autoconfigure.ratelimit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code rate-limit} built-in when Bucket4j is on
 * the classpath. The plugin exists only when the manifest lists it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class RateLimitPluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.bucket4j.Bucket")
	static class Bucket4jConfiguration {

		@Bean
		RateLimitPluginDefinition rateLimitPluginDefinition() {
			return new RateLimitPluginDefinition();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.github.bucket4j.Bucket")
	static class MissingBucket4jConfiguration {

		@Bean
		MissingBucket4jDefinition rateLimitPluginDefinition() {
			return new MissingBucket4jDefinition();
		}

	}

}
