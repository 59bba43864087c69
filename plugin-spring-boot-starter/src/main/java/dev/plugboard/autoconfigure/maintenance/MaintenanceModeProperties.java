package dev.plugboard.autoconfigure.maintenance;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of the {@code maintenance-mode} built-in, bound from its manifest entry.
 * The state at startup comes from here; it is switched at runtime through the actuator
 * endpoint {@code maintenance}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.maintenance-mode")
public class MaintenanceModeProperties {

	/**
	 * Whether the application starts in maintenance, refusing requests with 503.
	 */
	private boolean active;

	/**
	 * Retry-After of the 503 answers. A number without a unit is in seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration retryAfter = Duration.ofMinutes(5);

	/**
	 * Path patterns still served during maintenance. Keep the actuator in, or the
	 * endpoint that switches maintenance off is refused too.
	 */
	private List<String> allowedPaths = new ArrayList<>(List.of("/actuator/**"));

	/**
	 * Roles whose users are still served during maintenance, without a ROLE_ prefix, as
	 * granted by an authentication plugin or the servlet container.
	 */
	private List<String> allowedRoles = new ArrayList<>();

	/**
	 * Detail of the 503 problem answers.
	 */
	private String message = "The service is down for maintenance; please retry later.";

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	public List<String> getAllowedPaths() {
		return this.allowedPaths;
	}

	public void setAllowedPaths(List<String> allowedPaths) {
		this.allowedPaths = allowedPaths;
	}

	public List<String> getAllowedRoles() {
		return this.allowedRoles;
	}

	public void setAllowedRoles(List<String> allowedRoles) {
		this.allowedRoles = allowedRoles;
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = message;
	}

}
