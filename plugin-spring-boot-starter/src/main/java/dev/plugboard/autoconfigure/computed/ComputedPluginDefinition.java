package dev.plugboard.autoconfigure.computed;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.computed.ComputedConfig;
import dev.plugboard.builtin.computed.ComputedPlugin;

/**
 * Creates the {@code computed} built-in from its manifest entry.
 */
final class ComputedPluginDefinition implements PluginDefinition<ComputedProperties> {

	@Override
	public String id() {
		return ComputedPlugin.ID;
	}

	@Override
	public Class<ComputedProperties> configurationType() {
		return ComputedProperties.class;
	}

	@Override
	public Plugin create(ComputedProperties configuration) {
		return new ComputedPlugin(new ComputedConfig(configuration.getFields()));
	}

}
