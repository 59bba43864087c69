package dev.plugboard.autoconfigure.bodylimit;

import java.util.ArrayList;
import java.util.List;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.bodylimit.BodyLimitConfig;
import dev.plugboard.builtin.bodylimit.BodyLimitPlugin;

/**
 * Creates the {@link BodyLimitPlugin} when the manifest lists it.
 */
final class BodyLimitPluginDefinition implements PluginDefinition<BodyLimitProperties> {

	@Override
	public String id() {
		return BodyLimitPlugin.ID;
	}

	@Override
	public Class<BodyLimitProperties> configurationType() {
		return BodyLimitProperties.class;
	}

	@Override
	public Plugin create(BodyLimitProperties properties) {
		List<BodyLimitConfig.Limit> limits = new ArrayList<>();
		for (int i = 0; i < properties.getLimits().size(); i++) {
			BodyLimitProperties.Limit limit = properties.getLimits().get(i);
			if (limit.getPath() == null) {
				throw new PluginConfigurationException("limits[" + i + "].path",
						"Each limit needs a path pattern. Add one such as 'path: /uploads/**'.");
			}
			if (limit.getMaxSize() == null) {
				throw new PluginConfigurationException("limits[" + i + "].max-size",
						"The limit for '" + limit.getPath() + "' needs a size. Add one such as 'max-size: 10MB'.");
			}
			limits.add(new BodyLimitConfig.Limit(limit.getPath(), limit.getMaxSize().toBytes()));
		}
		return new BodyLimitPlugin(new BodyLimitConfig(properties.getMaxSize().toBytes(), limits));
	}

}
