package dev.plugboard.builtin.maintenance;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.Unavailable;

/**
 * Maintenance mode: while it is on, every request is answered with a 503 problem body
 * (code {@code maintenance}) and {@code Retry-After}, except requests to the allowed
 * paths and requests of users in an allowed role. It is switched on and off at runtime
 * with {@link #setActive(boolean)} (the starter's actuator endpoint
 * {@code /actuator/maintenance} calls it), without a restart; the switch is this
 * instance's, so each application instance is switched on its own.
 *
 * <p>
 * It runs after the authentication plugins ({@link PluginOrder#AUTH} + 50), so that the
 * roles they grant count. While it is off a request costs one volatile read. Thread-safe:
 * the switch is the only state, and it is volatile.
 *
 * @since 0.1.0
 */
public final class MaintenanceModePlugin implements BeforeRequestPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "maintenance-mode";

	/** The code of the 503 answers. */
	public static final String CODE = "maintenance";

	private final long retryAfterSeconds;

	private final PathPattern[] allowedPaths;

	private final String[] allowedRoles;

	private final String message;

	private volatile boolean active;

	/**
	 * Create the plugin, on or off as the configuration says.
	 * @param config the initial state and the exceptions
	 */
	public MaintenanceModePlugin(MaintenanceConfig config) {
		this.active = config.active();
		this.retryAfterSeconds = config.retryAfter().toSeconds();
		this.allowedPaths = config.allowedPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toArray(PathPattern[]::new);
		this.allowedRoles = config.allowedRoles().toArray(String[]::new);
		this.message = config.message();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.AUTH + 50;
	}

	/**
	 * Whether maintenance mode is on.
	 * @return whether requests are being refused
	 */
	public boolean isActive() {
		return this.active;
	}

	/**
	 * Switch maintenance mode on or off; takes effect for the next request.
	 * @param active whether to refuse requests
	 */
	public void setActive(boolean active) {
		this.active = active;
	}

	/**
	 * The {@code Retry-After} of the answers.
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * The paths still served during maintenance.
	 * @return the path patterns
	 */
	public List<String> allowedPaths() {
		return Arrays.stream(this.allowedPaths).map(PathPattern::getPatternString).toList();
	}

	@Override
	public void beforeRequest(RequestContext request) {
		if (!this.active) {
			return;
		}
		if (this.allowedPaths.length > 0) {
			PathContainer path = PathContainer.parsePath(request.path());
			for (PathPattern pattern : this.allowedPaths) {
				if (pattern.matches(path)) {
					return;
				}
			}
		}
		for (String role : this.allowedRoles) {
			if (request.isUserInRole(role)) {
				return;
			}
		}
		throw new Unavailable(CODE, this.retryAfterSeconds, this.message);
	}

	@Override
	public String toString() {
		return "MaintenanceModePlugin[active=" + this.active + "]";
	}

}
