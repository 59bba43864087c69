package dev.plugboard.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * Micrometer hook timers and deferred-executor meters.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class)
public final class PlugboardMetricsAutoConfiguration {

}
