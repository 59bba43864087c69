package dev.plugboard.autoconfigure.cors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code cors} built-in. The plugin exists only when
 * the manifest lists it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class CorsPluginAutoConfiguration {

	@Bean
	CorsPluginDefinition corsPluginDefinition() {
		return new CorsPluginDefinition();
	}

}
