package dev.plugboard.autoconfigure.timestamps;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
		Map<String, Map<String, Object>> properties = properties("plugboard.plugins.timestamps.");
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

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> properties(String prefix) {
		try {
			File classes = new File(
					TimestampsProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Map<String, Object> metadata = JsonMapper.builder()
				.build()
				.readValue(new File(classes, "META-INF/spring-configuration-metadata.json"),
						new TypeReference<Map<String, Object>>() {
						});
			return ((List<Map<String, Object>>) metadata.get("properties")).stream()
				.filter((property) -> ((String) property.get("name")).startsWith(prefix))
				.collect(Collectors.toMap((property) -> (String) property.get("name"), (property) -> property));
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
