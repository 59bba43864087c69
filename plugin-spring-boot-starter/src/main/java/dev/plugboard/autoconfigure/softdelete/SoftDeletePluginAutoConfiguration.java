package dev.plugboard.autoconfigure.softdelete;

import java.time.Clock;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.support.Repositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateConfigurationVerifier;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.softdelete.SoftDeletePlugin;
import dev.plugboard.builtin.softdelete.SoftDeleteStore;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code soft-delete} built-in: its definition, which creates
 * the plugin when the manifest lists it (with the application's {@link Clock} and, for
 * the restore and purge routes, its {@link NamedParameterJdbcOperations}), and, with
 * Spring Data, the startup check that every listed aggregate has the deleted-at property.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class SoftDeletePluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class DefinitionConfiguration {

		@Bean
		SoftDeletePluginDefinition plugboardSoftDeletePluginDefinition(ObjectProvider<Clock> clock,
				ObjectProvider<SoftDeleteStore> store) {
			return new SoftDeletePluginDefinition(clock, store);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ NamedParameterJdbcOperations.class, Repositories.class })
	static class StoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SoftDeleteStore plugboardSoftDeleteStore(ObjectProvider<PluginRegistry> registry,
				ObjectProvider<NamedParameterJdbcOperations> jdbc, ObjectProvider<AggregateNames> names,
				ListableBeanFactory beanFactory) {
			return new PluginSoftDeleteStore(registry, jdbc, new AggregateTypes(beanFactory, names), beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Repositories.class)
	static class VerificationConfiguration {

		@Bean
		AggregateConfigurationVerifier<SoftDeletePlugin> plugboardSoftDeletePluginVerifier(
				ObjectProvider<PluginRegistry> registry, ListableBeanFactory beanFactory,
				ObjectProvider<AggregateNames> names) {
			return new AggregateConfigurationVerifier<>(SoftDeletePlugin.class, "aggregates", registry,
					new AggregateTypes(beanFactory, names), SoftDeletePlugin::aggregates, SoftDeletePlugin::verify);
		}

	}

}
