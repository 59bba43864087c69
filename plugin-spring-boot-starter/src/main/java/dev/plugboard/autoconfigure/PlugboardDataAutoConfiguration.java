package dev.plugboard.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the repository interceptor around every Spring Data repository.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class)
@ConditionalOnClass(RepositoryFactoryBeanSupport.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class PlugboardDataAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(PluginRuntime.class)
	static class RepositoryWriteHooksConfiguration {

		@Bean
		static RepositoryWriteBeanPostProcessor plugboardRepositoryWriteBeanPostProcessor(
				ObjectProvider<PluginRuntime> runtime, ObjectProvider<AggregateNames> aggregateNames,
				ListableBeanFactory beanFactory, Environment environment) {
			return new RepositoryWriteBeanPostProcessor(runtime, aggregateNames, beanFactory, environment);
		}

	}

}
