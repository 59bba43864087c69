package dev.plugboard.autoconfigure.requestid;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.requestid.RequestIdConfig;
import dev.plugboard.builtin.requestid.RequestIdPlugin;

/**
 * Creates the {@link RequestIdPlugin} when the manifest lists it.
 */
final class RequestIdPluginDefinition implements PluginDefinition<RequestIdProperties> {

	@Override
	public String id() {
		return RequestIdPlugin.ID;
	}

	@Override
	public Class<RequestIdProperties> configurationType() {
		return RequestIdProperties.class;
	}

	@Override
	public Plugin create(RequestIdProperties properties) {
		return new RequestIdPlugin(new RequestIdConfig(properties.getHeader(), properties.getMdcKey(),
				properties.getMaxLength(), properties.isAcceptIncoming()));
	}

}
