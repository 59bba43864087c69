package dev.plugboard.builtin.maintenance;

import java.time.Duration;
import java.util.List;

import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link MaintenanceModePlugin}.
 *
 * @param active whether the application starts in maintenance
 * @param retryAfter the {@code Retry-After} the 503 answers carry, whole seconds
 * @param allowedPaths path patterns still served during maintenance, such as the actuator
 * @param allowedRoles roles whose users are still served during maintenance
 * @param message the {@code detail} of the 503 answers
 * @since 0.1.0
 */
public record MaintenanceConfig(boolean active, Duration retryAfter, List<String> allowedPaths,
		List<String> allowedRoles, String message) {

	/** The default {@code Retry-After}. */
	public static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(5);

	/** The paths served by default during maintenance: the actuator, to switch it off. */
	public static final List<String> DEFAULT_ALLOWED_PATHS = List.of("/actuator/**");

	/** The default detail of the answers. */
	public static final String DEFAULT_MESSAGE = "The service is down for maintenance; please retry later.";

	/**
	 * Check the values and copy the lists.
	 * @throws PluginConfigurationException when the retry time is negative, a path
	 * pattern does not parse or the message is blank
	 */
	public MaintenanceConfig {
		if (retryAfter.isNegative()) {
			throw new PluginConfigurationException("retry-after",
					"The retry-after must not be negative, was " + retryAfter + "; write a duration such as 5m.");
		}
		allowedPaths = List.copyOf(allowedPaths);
		allowedRoles = List.copyOf(allowedRoles);
		for (String path : allowedPaths) {
			try {
				PathPatternParser.defaultInstance.parse(path);
			}
			catch (PatternParseException ex) {
				throw new PluginConfigurationException("allowed-paths", "'" + path + "' is not a path pattern: "
						+ ex.getMessage() + ". Write patterns such as /actuator/**.");
			}
		}
		if (message.isBlank()) {
			throw new PluginConfigurationException("message", "The message must not be blank.");
		}
	}

	/**
	 * The defaults: inactive, {@link #DEFAULT_RETRY_AFTER},
	 * {@link #DEFAULT_ALLOWED_PATHS}, no role.
	 * @return the configuration
	 */
	public static MaintenanceConfig defaults() {
		return new MaintenanceConfig(false, DEFAULT_RETRY_AFTER, DEFAULT_ALLOWED_PATHS, List.of(), DEFAULT_MESSAGE);
	}

	/**
	 * This configuration with another initial state.
	 * @param active whether the application starts in maintenance
	 * @return a new configuration
	 */
	public MaintenanceConfig withActive(boolean active) {
		return new MaintenanceConfig(active, this.retryAfter, this.allowedPaths, this.allowedRoles, this.message);
	}

	/**
	 * This configuration with other allowed roles.
	 * @param roles the roles
	 * @return a new configuration
	 */
	public MaintenanceConfig withAllowedRoles(String... roles) {
		return new MaintenanceConfig(this.active, this.retryAfter, this.allowedPaths, List.of(roles), this.message);
	}

}
