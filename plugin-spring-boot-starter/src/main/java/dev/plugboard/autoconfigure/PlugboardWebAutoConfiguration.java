package dev.plugboard.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * the request filter, plugin routes and the mapping of rejections to problem+json.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PlugboardAutoConfiguration.class)
public final class PlugboardWebAutoConfiguration {

}
