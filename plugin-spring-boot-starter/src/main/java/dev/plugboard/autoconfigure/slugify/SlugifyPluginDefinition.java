package dev.plugboard.autoconfigure.slugify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcOperations;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.slugify.SlugifyConfig;
import dev.plugboard.builtin.slugify.SlugifyPlugin;
import dev.plugboard.builtin.slugify.Slugger;

/**
 * Creates the {@link SlugifyPlugin} when the manifest lists it, with the application's
 * {@link JdbcOperations} (its {@code JdbcTemplate}) to check unique slugs against.
 */
final class SlugifyPluginDefinition implements PluginDefinition<SlugifyProperties> {

	private final Slugger slugger;

	private final ObjectProvider<JdbcOperations> jdbc;

	SlugifyPluginDefinition(Slugger slugger, ObjectProvider<JdbcOperations> jdbc) {
		this.slugger = slugger;
		this.jdbc = jdbc;
	}

	@Override
	public String id() {
		return SlugifyPlugin.ID;
	}

	@Override
	public Class<SlugifyProperties> configurationType() {
		return SlugifyProperties.class;
	}

	@Override
	public Plugin create(SlugifyProperties properties) {
		Map<String, SlugifyConfig.Source> sources = new LinkedHashMap<>();
		properties.getSources().forEach((aggregate, source) -> sources.put(aggregate, source(aggregate, source)));
		SlugifyConfig config = new SlugifyConfig(sources, properties.getMaxAttempts());
		boolean unique = sources.values().stream().anyMatch(SlugifyConfig.Source::unique);
		return new SlugifyPlugin(config, this.slugger, unique ? this.jdbc.getIfAvailable() : null);
	}

	private static SlugifyConfig.Source source(String aggregate, SlugifyProperties.Source source) {
		String from = source.getFrom();
		String to = source.getTo();
		if (from == null) {
			throw new PluginConfigurationException("sources." + aggregate + ".from",
					"Name the entity property the slug is derived from, such as 'title'.");
		}
		if (to == null) {
			throw new PluginConfigurationException("sources." + aggregate + ".to",
					"Name the String entity property the slug is stored in, such as 'slug'.");
		}
		return new SlugifyConfig.Source(from, to, source.getTable(), source.getColumn(), source.isOnUpdate(),
				source.getMaxLength(), source.isUnique(), source.getFallback());
	}

}
