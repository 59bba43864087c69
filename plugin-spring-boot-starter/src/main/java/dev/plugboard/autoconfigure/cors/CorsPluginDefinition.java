package dev.plugboard.autoconfigure.cors;

import java.util.List;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.cors.CorsConfig;
import dev.plugboard.builtin.cors.CorsPlugin;

/**
 * Creates the {@link CorsPlugin} when the manifest lists it.
 */
final class CorsPluginDefinition implements PluginDefinition<CorsProperties> {

	@Override
	public String id() {
		return CorsPlugin.ID;
	}

	@Override
	public Class<CorsProperties> configurationType() {
		return CorsProperties.class;
	}

	@Override
	public Plugin create(CorsProperties properties) {
		CorsConfig.Rule defaults = new CorsConfig.Rule(properties.getPaths(), properties.getAllowedOrigins(),
				properties.getAllowedOriginPatterns(), properties.getAllowedMethods(), properties.getAllowedHeaders(),
				properties.getExposedHeaders(), properties.isAllowCredentials(), properties.getMaxAge());
		List<CorsConfig.Rule> mappings = properties.getMappings()
			.stream()
			.map((mapping) -> new CorsConfig.Rule(mapping.getPaths(), mapping.getAllowedOrigins(),
					mapping.getAllowedOriginPatterns(), mapping.getAllowedMethods(), mapping.getAllowedHeaders(),
					mapping.getExposedHeaders(), mapping.getAllowCredentials(), mapping.getMaxAge()))
			.toList();
		return new CorsPlugin(new CorsConfig(defaults, mappings));
	}

}
