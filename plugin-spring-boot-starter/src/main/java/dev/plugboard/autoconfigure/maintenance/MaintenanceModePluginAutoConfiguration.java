package dev.plugboard.autoconfigure.maintenance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.runtime.PluginRegistry;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code maintenance-mode} built-in, and, with
 * actuator, the {@code maintenance} endpoint that switches it at runtime. The plugin and
 * the endpoint exist only when the manifest lists it; the endpoint is reachable over HTTP
 * only when exposed ({@code management.endpoints.web.exposure.include}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class MaintenanceModePluginAutoConfiguration {

	@Bean
	MaintenanceModePluginDefinition maintenanceModePluginDefinition() {
		return new MaintenanceModePluginDefinition();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	@Conditional(MaintenanceModeListedCondition.class)
	static class MaintenanceEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		MaintenanceEndpoint plugboardMaintenanceEndpoint(ObjectProvider<PluginRegistry> registry) {
			return new MaintenanceEndpoint(registry);
		}

	}

}
