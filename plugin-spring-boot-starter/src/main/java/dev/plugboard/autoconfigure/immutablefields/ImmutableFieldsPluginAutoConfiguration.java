package dev.plugboard.autoconfigure.immutablefields;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.support.Repositories;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateConfigurationVerifier;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.immutablefields.ImmutableFieldsPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code immutable-fields} built-in: its definition, which
 * creates the plugin when the manifest lists it, and, with Spring Data, the startup check
 * of its aggregates and properties against the entity classes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class ImmutableFieldsPluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class DefinitionConfiguration {

		@Bean
		ImmutableFieldsPluginDefinition plugboardImmutableFieldsPluginDefinition() {
			return new ImmutableFieldsPluginDefinition();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Repositories.class)
	static class VerificationConfiguration {

		@Bean
		AggregateConfigurationVerifier<ImmutableFieldsPlugin> plugboardImmutableFieldsPluginVerifier(
				ObjectProvider<PluginRegistry> registry, ListableBeanFactory beanFactory,
				ObjectProvider<AggregateNames> names) {
			return new AggregateConfigurationVerifier<>(ImmutableFieldsPlugin.class, "fields", registry,
					new AggregateTypes(beanFactory, names), ImmutableFieldsPlugin::aggregates,
					ImmutableFieldsPlugin::verify);
		}

	}

}
