package dev.plugboard.autoconfigure.validation;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.support.Repositories;
import org.springframework.jdbc.core.JdbcOperations;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateConfigurationVerifier;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.validation.TableMapping;
import dev.plugboard.builtin.validation.ValidationPlugin;
import dev.plugboard.builtin.validation.ValidationRule;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code validation} built-in: its definition, which creates
 * the plugin when the manifest lists it, and, with Spring Data, the startup check of its
 * rules against the entity classes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class ValidationPluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class DefinitionConfiguration {

		@Bean
		ValidationPluginDefinition plugboardValidationPluginDefinition(ObjectProvider<ValidationRule> customRules,
				ObjectProvider<JdbcOperations> jdbc, ObjectProvider<TableMapping> tables, BeanFactory beanFactory) {
			return new ValidationPluginDefinition(customRules, jdbc, tables, beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Repositories.class)
	static class VerificationConfiguration {

		@Bean
		AggregateConfigurationVerifier<ValidationPlugin> plugboardValidationPluginVerifier(
				ObjectProvider<PluginRegistry> registry, ListableBeanFactory beanFactory,
				ObjectProvider<AggregateNames> names) {
			return new AggregateConfigurationVerifier<>(ValidationPlugin.class, "rules", registry,
					new AggregateTypes(beanFactory, names), ValidationPlugin::aggregates, ValidationPlugin::verify);
		}

	}

}
