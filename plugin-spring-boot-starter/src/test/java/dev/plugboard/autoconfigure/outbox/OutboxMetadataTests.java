package dev.plugboard.autoconfigure.outbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The IDE metadata generated for the {@code plugboard.outbox} keys: every key described,
 * with the defaults the README documents.
 */
class OutboxMetadataTests {

	private static final String PREFIX = "plugboard.outbox.";

	@Test
	void everyKeyIsDescribedWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties(PREFIX);
		assertThat(properties).containsOnlyKeys(PREFIX + "workers", PREFIX + "batch-size", PREFIX + "poll-interval",
				PREFIX + "lease", PREFIX + "shutdown-timeout", PREFIX + "retry.initial-delay",
				PREFIX + "retry.multiplier", PREFIX + "retry.max-delay", PREFIX + "retry.max-attempts",
				PREFIX + "retry.jitter", PREFIX + "initialize-schema", PREFIX + "schema", PREFIX + "platform");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get(PREFIX + "workers")).contains(entry("defaultValue", 4));
		assertThat(properties.get(PREFIX + "batch-size")).contains(entry("defaultValue", 20));
		assertThat(properties.get(PREFIX + "poll-interval")).contains(entry("defaultValue", "1s"));
		assertThat(properties.get(PREFIX + "lease")).contains(entry("defaultValue", "2m"));
		assertThat(properties.get(PREFIX + "shutdown-timeout")).contains(entry("defaultValue", "10s"));
		assertThat(properties.get(PREFIX + "retry.initial-delay")).contains(entry("defaultValue", "1s"));
		assertThat(properties.get(PREFIX + "retry.max-delay")).contains(entry("defaultValue", "1h"));
		assertThat(properties.get(PREFIX + "retry.max-attempts")).contains(entry("defaultValue", 10));
		assertThat(properties.get(PREFIX + "initialize-schema")).contains(entry("defaultValue", "embedded"));
	}

}
