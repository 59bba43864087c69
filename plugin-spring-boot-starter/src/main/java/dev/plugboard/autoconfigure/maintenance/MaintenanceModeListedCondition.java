package dev.plugboard.autoconfigure.maintenance;

import dev.plugboard.autoconfigure.PluginListedCondition;
import dev.plugboard.builtin.maintenance.MaintenanceModePlugin;

/**
 * Matches when the manifest lists {@code maintenance-mode} and does not disable it, so
 * that its endpoint exists only with the plugin.
 */
class MaintenanceModeListedCondition extends PluginListedCondition {

	MaintenanceModeListedCondition() {
		super(MaintenanceModePlugin.ID);
	}

}
