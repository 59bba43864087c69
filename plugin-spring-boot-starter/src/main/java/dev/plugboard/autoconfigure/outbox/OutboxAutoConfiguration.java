package dev.plugboard.autoconfigure.outbox;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.Outbox;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PluginSchema;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.outbox.JdbcOutbox;
import dev.plugboard.runtime.outbox.OutboxMetrics;
import dev.plugboard.runtime.outbox.OutboxSettings;
import dev.plugboard.runtime.outbox.OutboxStore;
import dev.plugboard.runtime.outbox.OutboxTopics;
import dev.plugboard.runtime.outbox.OutboxWorkers;
import dev.plugboard.runtime.outbox.RetrySchedule;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the durable outbox on the application's single DataSource: the
 * {@link Outbox} bean, which the runtime hands to after-write hooks, its table, its
 * worker pool and its meters. Which plugins deliver outbox records is known only once the
 * registry is resolved, so the beans exist whenever there is a DataSource, but the table
 * is created, the workers run and the runtime gets the outbox only when an enabled plugin
 * implements {@code OutboxPlugin}; otherwise the outbox refuses every topic.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBean(PluginRegistry.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

	private static final String PREFIX = "plugboard.outbox";

	@Configuration(proxyBeanMethods = false)
	static class OutboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxStore plugboardOutboxStore(DataSource dataSource, PluginRegistry registry, OutboxProperties properties) {
			if (OutboxTopics.deliverers(registry).isEmpty()) {
				return new OutboxStore(new JdbcTemplate(dataSource), false, Clock.systemUTC());
			}
			try {
				PluginSchema.initialize("outbox", PREFIX, dataSource, properties);
			}
			catch (PluginConfigurationException ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
			return OutboxStore.of(dataSource, Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		OutboxWorkers plugboardOutboxWorkers(OutboxStore store, PluginRegistry registry, OutboxProperties properties,
				ObjectProvider<HookObserver> observer) {
			List<RegisteredPlugin> deliverers = OutboxTopics.deliverers(registry);
			return new OutboxWorkers(store, deliverers, settings(properties),
					observer.getIfAvailable(() -> HookObserver.NONE));
		}

		@Bean
		@ConditionalOnMissingBean(Outbox.class)
		JdbcOutbox plugboardOutbox(OutboxStore store, OutboxWorkers workers) {
			return new JdbcOutbox(store, workers.topics(), workers::wake);
		}

		@Bean
		OutboxLifecycle plugboardOutboxLifecycle(OutboxWorkers workers) {
			return new OutboxLifecycle(workers);
		}

		private static OutboxSettings settings(OutboxProperties properties) {
			OutboxProperties.Retry retry = properties.getRetry();
			try {
				return new OutboxSettings(properties.getWorkers(), properties.getBatchSize(),
						properties.getPollInterval(), properties.getLease(), properties.getShutdownTimeout(),
						new RetrySchedule(retry.getInitialDelay(), retry.getMultiplier(), retry.getMaxDelay(),
								retry.getMaxAttempts(), retry.getJitter()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Invalid " + PREFIX + " configuration: " + ex.getMessage(), ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class OutboxMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxMetrics plugboardOutboxMetrics(OutboxStore store, OutboxWorkers workers) {
			return new OutboxMetrics(store, workers);
		}

	}

}
