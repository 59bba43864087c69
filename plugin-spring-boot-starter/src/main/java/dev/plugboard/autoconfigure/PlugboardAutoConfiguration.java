package dev.plugboard.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.plugboard.Outbox;
import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.outbox.OutboxTopics;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the Plugboard runtime: the manifest, the resolved plugin
 * registry, the dispatcher and the deferred-work executor. Backs off entirely when
 * {@code plugboard.enabled} is {@code false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlugboardProperties.class)
public final class PlugboardAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PluginRegistry plugboardPluginRegistry(PlugboardProperties properties, ObjectProvider<Plugin> plugins,
				ObjectProvider<PluginDefinition<?>> definitions, Environment environment) {
			return new PluginRegistryFactory(environment).create(properties.getPlugins(),
					plugins.orderedStream().toList(), definitions.orderedStream().toList());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeferredConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DeferredExecutor plugboardDeferredExecutor(PlugboardProperties properties) {
			PlugboardProperties.Deferred deferred = properties.getDeferred();
			return new DeferredExecutor(deferred.getThreads(), deferred.getQueueCapacity());
		}

		@Bean
		DeferredExecutorLifecycle plugboardDeferredExecutorLifecycle(DeferredExecutor executor,
				PlugboardProperties properties) {
			return new DeferredExecutorLifecycle(executor, properties.getDeferred().getShutdownTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RuntimeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PluginRuntime plugboardRuntime(PluginRegistry registry, ObjectProvider<HookObserver> observer,
				DeferredExecutor deferred, ObjectProvider<Outbox> outbox) {
			return new PluginRuntime(registry, observer.getIfAvailable(() -> HookObserver.NONE), deferred,
					outboxFor(registry, outbox));
		}

		/**
		 * The outbox the after-write hooks get: none unless an enabled plugin delivers
		 * outbox records, and then the outbox bean, which exists only with a DataSource.
		 */
		private static @Nullable Outbox outboxFor(PluginRegistry registry, ObjectProvider<Outbox> outbox) {
			List<RegisteredPlugin> deliverers = OutboxTopics.deliverers(registry);
			if (deliverers.isEmpty()) {
				return null;
			}
			Outbox available = outbox.getIfUnique();
			if (available == null) {
				String ids = deliverers.stream()
					.map((plugin) -> "'" + plugin.id() + "'")
					.collect(Collectors.joining(", "));
				throw new ManifestException(Problem.INVALID_VALUE, deliverers.get(0).id(),
						"Plugin " + ids
								+ " delivers outbox records, which the outbox keeps in the application's database, but "
								+ "there is no single DataSource bean (and so no Outbox).",
						"Add spring-boot-starter-jdbc (or data-jdbc) and a database such as PostgreSQL, or disable "
								+ ids + " in plugboard.plugins.",
						List.of());
			}
			return available;
		}

	}

}
