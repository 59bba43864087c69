package dev.plugboard.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.DeferredExecutorMetrics;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.MicrometerHookObserver;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Micrometer hook timers and deferred-executor meters. Applies
 * when Micrometer is on the classpath and the application has a {@link MeterRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class PlugboardMetricsAutoConfiguration {

	private static final String SAMPLE_INTERVAL = "plugboard.metrics.sample-interval";

	@Configuration(proxyBeanMethods = false)
	static class HookMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HookObserver plugboardHookObserver(MeterRegistry registry, PlugboardProperties properties) {
			int interval = properties.getMetrics().getSampleInterval();
			if (!MicrometerHookObserver.isValidSampleInterval(interval)) {
				throw new InvalidConfigurationPropertyValueException(SAMPLE_INTERVAL, interval,
						"The sample interval must be a power of two (1, 2, 4, ... 1024) so that sampling costs one "
								+ "bit mask, or 0 to time no hook calls. Rejections and faults are counted either way.");
			}
			return new MicrometerHookObserver(registry, interval);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DeferredExecutor.class)
	static class DeferredMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DeferredExecutorMetrics plugboardDeferredExecutorMetrics(DeferredExecutor executor) {
			return new DeferredExecutorMetrics(executor);
		}

	}

}
