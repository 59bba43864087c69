package dev.plugboard.autoconfigure.timestamps;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.timestamps.TimestampsConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The IDE metadata generated for the {@code timestamps} keys: every key described, with
 * the defaults the plugin really uses.
 */
class TimestampsMetadataTests {

	@Test
	void everyKeyIsDescribedWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.timestamps.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.timestamps.created",
				"plugboard.plugins.timestamps.updated", "plugboard.plugins.timestamps.trust-incoming-created",
				"plugboard.plugins.timestamps.fields");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.timestamps.created"))
			.contains(entry("defaultValue", TimestampsConfig.DEFAULT_CREATED));
		assertThat(properties.get("plugboard.plugins.timestamps.updated"))
			.contains(entry("defaultValue", TimestampsConfig.DEFAULT_UPDATED));
		assertThat(properties.get("plugboard.plugins.timestamps.trust-incoming-created"))
			.contains(entry("defaultValue", false));
	}

}
