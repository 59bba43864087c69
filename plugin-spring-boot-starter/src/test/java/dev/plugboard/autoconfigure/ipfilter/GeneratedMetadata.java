package dev.plugboard.autoconfigure.ipfilter;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the processor generated for the starter, as an IDE reads it.
 */
public final class GeneratedMetadata {

	private GeneratedMetadata() {
	}

	/**
	 * The properties under a prefix.
	 * @param prefix the prefix, such as {@code plugboard.plugins.ip-filter.}
	 * @return each property's metadata, keyed by name
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Map<String, Object>> properties(String prefix) {
		try {
			File classes = new File(
					IpFilterProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
