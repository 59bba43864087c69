package dev.plugboard.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.runtime.PluginRuntime;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the actuator {@code plugins} endpoint. Applies when actuator is
 * on the classpath and the endpoint is available (enabled and exposed).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class PlugboardEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(PluginsEndpoint.class)
	static class PluginsEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(PluginRuntime.class)
		PluginsEndpoint plugboardPluginsEndpoint(PluginRuntime runtime) {
			return new PluginsEndpoint(runtime);
		}

	}

}
