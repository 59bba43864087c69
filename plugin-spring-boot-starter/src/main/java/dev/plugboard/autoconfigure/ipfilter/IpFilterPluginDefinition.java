package dev.plugboard.autoconfigure.ipfilter;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.ipfilter.IpFilterConfig;
import dev.plugboard.builtin.ipfilter.IpFilterPlugin;

/**
 * Creates the {@link IpFilterPlugin} when the manifest lists it; every address, range and
 * pattern is checked here, so a typo stops the boot.
 */
final class IpFilterPluginDefinition implements PluginDefinition<IpFilterProperties> {

	@Override
	public String id() {
		return IpFilterPlugin.ID;
	}

	@Override
	public Class<IpFilterProperties> configurationType() {
		return IpFilterProperties.class;
	}

	@Override
	public Plugin create(IpFilterProperties properties) {
		return new IpFilterPlugin(IpFilterConfig.of(properties.getRules()
			.stream()
			.map((rule) -> new IpFilterConfig.WrittenRule(rule.getPaths(), rule.getAllow(), rule.getDeny()))
			.toList(), properties.getTrustedProxies()));
	}

}
