package dev.plugboard.autoconfigure.outbox;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.plugboard.runtime.outbox.OutboxStore;
import dev.plugboard.runtime.outbox.OutboxWorkers;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the actuator {@code outbox} endpoint. Applies when actuator is
 * on the classpath, the outbox exists and the endpoint is available (enabled and
 * exposed).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(OutboxEndpoint.class)
@ConditionalOnBean({ OutboxStore.class, OutboxWorkers.class })
public final class OutboxEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboxEndpoint plugboardOutboxEndpoint(OutboxStore store, OutboxWorkers workers) {
		return new OutboxEndpoint(store, workers);
	}

}
