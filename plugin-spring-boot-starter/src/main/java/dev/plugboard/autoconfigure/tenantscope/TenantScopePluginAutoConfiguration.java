package dev.plugboard.autoconfigure.tenantscope;

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
import dev.plugboard.builtin.tenantscope.TenantResolver;
import dev.plugboard.builtin.tenantscope.TenantScopePlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code tenant-scope} built-in: its definition, which
 * creates the plugin when the manifest lists it (with the application's
 * {@link TenantResolver} bean when it has one), and, with Spring Data, the startup check
 * that every listed aggregate has the tenant property.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class TenantScopePluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class DefinitionConfiguration {

		@Bean
		TenantScopePluginDefinition plugboardTenantScopePluginDefinition(ObjectProvider<TenantResolver> resolver) {
			return new TenantScopePluginDefinition(resolver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Repositories.class)
	static class VerificationConfiguration {

		@Bean
		AggregateConfigurationVerifier<TenantScopePlugin> plugboardTenantScopePluginVerifier(
				ObjectProvider<PluginRegistry> registry, ListableBeanFactory beanFactory,
				ObjectProvider<AggregateNames> names) {
			return new AggregateConfigurationVerifier<>(TenantScopePlugin.class, "aggregates", registry,
					new AggregateTypes(beanFactory, names), TenantScopePlugin::aggregates, TenantScopePlugin::verify);
		}

	}

}
