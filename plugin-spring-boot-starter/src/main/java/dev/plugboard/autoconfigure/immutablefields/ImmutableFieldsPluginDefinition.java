package dev.plugboard.autoconfigure.immutablefields;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.immutablefields.ImmutableFieldsConfig;
import dev.plugboard.builtin.immutablefields.ImmutableFieldsPlugin;

/**
 * Creates the {@link ImmutableFieldsPlugin} when the manifest lists it.
 */
final class ImmutableFieldsPluginDefinition implements PluginDefinition<ImmutableFieldsProperties> {

	@Override
	public String id() {
		return ImmutableFieldsPlugin.ID;
	}

	@Override
	public Class<ImmutableFieldsProperties> configurationType() {
		return ImmutableFieldsProperties.class;
	}

	@Override
	public Plugin create(ImmutableFieldsProperties properties) {
		return new ImmutableFieldsPlugin(new ImmutableFieldsConfig(properties.getFields()));
	}

}
