package dev.plugboard.autoconfigure.webhooks;

import java.time.Clock;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.support.Repositories;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code webhooks} built-in: its definition, which
 * creates the plugin when the manifest lists it, and, with Spring Data, the startup check
 * of its endpoints' entities against the application's repositories.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@ConditionalOnClass(JsonMapper.class)
public final class WebhooksPluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class DefinitionConfiguration {

		@Bean
		WebhooksPluginDefinition plugboardWebhooksPluginDefinition(ObjectProvider<JsonMapper> json,
				ObjectProvider<Clock> clock) {
			return new WebhooksPluginDefinition(json, clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Repositories.class)
	static class VerificationConfiguration {

		@Bean
		WebhooksEntitiesVerifier plugboardWebhooksEntitiesVerifier(ObjectProvider<PluginRegistry> registry,
				ListableBeanFactory beanFactory, ObjectProvider<AggregateNames> names) {
			return new WebhooksEntitiesVerifier(registry, new AggregateTypes(beanFactory, names));
		}

	}

}
