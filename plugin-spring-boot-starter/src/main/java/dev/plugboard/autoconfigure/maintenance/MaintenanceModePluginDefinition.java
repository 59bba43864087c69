package dev.plugboard.autoconfigure.maintenance;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.maintenance.MaintenanceConfig;
import dev.plugboard.builtin.maintenance.MaintenanceModePlugin;

/**
 * Creates the {@link MaintenanceModePlugin} when the manifest lists it.
 */
final class MaintenanceModePluginDefinition implements PluginDefinition<MaintenanceModeProperties> {

	@Override
	public String id() {
		return MaintenanceModePlugin.ID;
	}

	@Override
	public Class<MaintenanceModeProperties> configurationType() {
		return MaintenanceModeProperties.class;
	}

	@Override
	public Plugin create(MaintenanceModeProperties properties) {
		return new MaintenanceModePlugin(new MaintenanceConfig(properties.isActive(), properties.getRetryAfter(),
				properties.getAllowedPaths(), properties.getAllowedRoles(), properties.getMessage()));
	}

}
