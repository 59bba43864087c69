package dev.plugboard.autoconfigure;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the configuration metadata the processor generated for the starter's classes, as
 * an IDE would.
 */
public final class PropertyMetadata {

	private PropertyMetadata() {
	}

	/**
	 * The generated properties whose names start with a prefix.
	 * @param prefix the prefix, such as {@code plugboard.plugins.cors.}
	 * @return each property's metadata, keyed by name
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Map<String, Object>> properties(String prefix) {
		try {
			File classes = new File(
					PlugboardProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
