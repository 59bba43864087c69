package dev.plugboard.autoconfigure.auditlog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.auditlog.AuditLogConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The IDE metadata generated for the {@code audit-log} keys: every key described, with
 * the defaults the plugin really uses.
 */
class AuditLogMetadataTests {

	private static final String PREFIX = "plugboard.plugins.audit-log.";

	@Test
	void everyKeyIsDescribedWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties(PREFIX);
		assertThat(properties).containsOnlyKeys(PREFIX + "mask", PREFIX + "role", PREFIX + "base-path",
				PREFIX + "default-page-size", PREFIX + "max-page-size", PREFIX + "initialize-schema", PREFIX + "schema",
				PREFIX + "platform");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		AuditLogConfig defaults = AuditLogConfig.defaults();
		assertThat(properties.get(PREFIX + "role")).contains(entry("defaultValue", defaults.role()));
		assertThat(properties.get(PREFIX + "base-path")).contains(entry("defaultValue", defaults.basePath()));
		assertThat(properties.get(PREFIX + "default-page-size"))
			.contains(entry("defaultValue", defaults.defaultPageSize()));
		assertThat(properties.get(PREFIX + "max-page-size")).contains(entry("defaultValue", defaults.maxPageSize()));
		assertThat(properties.get(PREFIX + "initialize-schema")).contains(entry("defaultValue", "embedded"));
		assertThat((String) properties.get(PREFIX + "mask").get("description"))
			.contains(String.join(", ", defaults.mask().subList(0, defaults.mask().size() - 1)))
			.endsWith("and " + defaults.mask().get(defaults.mask().size() - 1) + "; a list given here replaces them.");
	}

	@Test
	void propertiesDefaultsAreThePluginDefaults() {
		AuditLogProperties properties = new AuditLogProperties();
		AuditLogConfig defaults = AuditLogConfig.defaults();
		assertThat(properties.getMask()).isEqualTo(defaults.mask());
		assertThat(properties.getRole()).isEqualTo(defaults.role());
		assertThat(properties.getBasePath()).isEqualTo(defaults.basePath());
		assertThat(properties.getDefaultPageSize()).isEqualTo(defaults.defaultPageSize());
		assertThat(properties.getMaxPageSize()).isEqualTo(defaults.maxPageSize());
	}

}
