package dev.plugboard.autoconfigure.timestamps;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code timestamps} built-in. The plugin exists
 * only when the manifest lists it; it takes the application's {@link Clock} bean when
 * there is one.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class TimestampsPluginAutoConfiguration {

	@Bean
	TimestampsPluginDefinition timestampsPluginDefinition(ObjectProvider<Clock> clock) {
		return new TimestampsPluginDefinition(clock);
	}

}
