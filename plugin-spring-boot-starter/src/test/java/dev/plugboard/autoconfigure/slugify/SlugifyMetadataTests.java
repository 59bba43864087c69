package dev.plugboard.autoconfigure.slugify;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.slugify.SlugifyConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The IDE metadata generated for the {@code slugify} keys: every key described, with the
 * defaults the plugin really uses, and the per-aggregate sources typed so that IDEs
 * complete their keys.
 */
class SlugifyMetadataTests {

	@Test
	void everyKeyIsDescribedWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.slugify.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.slugify.sources",
				"plugboard.plugins.slugify.max-attempts");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.slugify.max-attempts"))
			.contains(entry("defaultValue", SlugifyConfig.DEFAULT_MAX_ATTEMPTS));
		assertThat(properties.get("plugboard.plugins.slugify.sources")).contains(entry("type",
				"java.util.Map<java.lang.String,dev.plugboard.autoconfigure.slugify.SlugifyProperties$Source>"));
	}

	@Test
	void sourceDefaultsAreThePlugins() {
		SlugifyProperties.Source source = new SlugifyProperties.Source();
		SlugifyConfig.Source defaults = SlugifyConfig.Source.of("title", "slug");
		assertThat(source.getMaxLength()).isEqualTo(defaults.maxLength());
		assertThat(source.isUnique()).isEqualTo(defaults.unique());
		assertThat(source.isOnUpdate()).isEqualTo(defaults.onUpdate());
		assertThat(source.getFallback()).isEqualTo(defaults.fallback());
	}

}
