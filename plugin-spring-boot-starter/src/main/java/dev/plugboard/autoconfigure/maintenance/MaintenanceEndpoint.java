package dev.plugboard.autoconfigure.maintenance;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.plugboard.builtin.maintenance.MaintenanceModePlugin;
import dev.plugboard.runtime.PluginRegistry;

/**
 * The actuator endpoint {@code maintenance}: reads whether this instance is in
 * maintenance, and switches it on or off without a restart
 * ({@code POST /actuator/maintenance} with {@code {"active": true}}). Exists only when
 * the manifest lists {@code maintenance-mode}; expose and secure it as any actuator
 * endpoint. Answers 404 when the plugin is listed but disabled.
 *
 * @since 0.1.0
 */
@Endpoint(id = "maintenance")
public final class MaintenanceEndpoint {

	private static final Log logger = LogFactory.getLog(MaintenanceEndpoint.class);

	private final ObjectProvider<PluginRegistry> registry;

	/**
	 * Create the endpoint over the registry the plugin is in.
	 * @param registry the plugin registry, looked up on each call
	 */
	public MaintenanceEndpoint(ObjectProvider<PluginRegistry> registry) {
		this.registry = registry;
	}

	/**
	 * Whether this instance is in maintenance.
	 * @return the state, or {@code null} (404) when the plugin is not enabled
	 */
	@ReadOperation
	public @Nullable MaintenanceDescriptor maintenance() {
		MaintenanceModePlugin plugin = plugin();
		return (plugin != null) ? describe(plugin) : null;
	}

	/**
	 * Switch maintenance on or off for this instance.
	 * @param active whether to refuse requests
	 * @return the new state, or {@code null} (404) when the plugin is not enabled
	 */
	@WriteOperation
	public @Nullable MaintenanceDescriptor switchMaintenance(boolean active) {
		MaintenanceModePlugin plugin = plugin();
		if (plugin == null) {
			return null;
		}
		boolean was = plugin.isActive();
		plugin.setActive(active);
		if (was != active) {
			logger.info("Plugin '" + MaintenanceModePlugin.ID + "': maintenance switched " + (active ? "on" : "off")
					+ " through the actuator endpoint");
		}
		return describe(plugin);
	}

	private @Nullable MaintenanceModePlugin plugin() {
		PluginRegistry registry = this.registry.getIfAvailable();
		return (registry != null) ? registry.enabled(MaintenanceModePlugin.class) : null;
	}

	private static MaintenanceDescriptor describe(MaintenanceModePlugin plugin) {
		return new MaintenanceDescriptor(plugin.isActive(), plugin.retryAfterSeconds(), plugin.allowedPaths());
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param active whether requests are being refused
	 * @param retryAfterSeconds the Retry-After of the refusals
	 * @param allowedPaths the paths still served
	 */
	public record MaintenanceDescriptor(boolean active, long retryAfterSeconds, List<String> allowedPaths) {
	}

}
