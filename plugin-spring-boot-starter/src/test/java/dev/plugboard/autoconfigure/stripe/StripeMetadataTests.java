package dev.plugboard.autoconfigure.stripe;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.stripe.StripeConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The IDE metadata generated for the {@code stripe} keys: every key described, with the
 * defaults the plugin really uses.
 */
class StripeMetadataTests {

	private static final String PREFIX = "plugboard.plugins.stripe.";

	@Test
	void everyKeyIsDescribedWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties(PREFIX);
		assertThat(properties).containsOnlyKeys(PREFIX + "path", PREFIX + "signing-secrets", PREFIX + "tolerance",
				PREFIX + "max-payload-size", PREFIX + "initialize-schema", PREFIX + "schema", PREFIX + "platform");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get(PREFIX + "path")).contains(entry("defaultValue", StripeConfig.DEFAULT_PATH));
		assertThat(properties.get(PREFIX + "tolerance")).contains(entry("defaultValue", "300s"));
		assertThat(properties.get(PREFIX + "max-payload-size")).contains(entry("defaultValue", "1MB"));
		assertThat(properties.get(PREFIX + "initialize-schema")).contains(entry("defaultValue", "embedded"));
		assertThat((String) properties.get(PREFIX + "signing-secrets").get("description")).contains("whsec_")
			.contains("Required");
	}

	@Test
	void propertiesDefaultsAreThePluginDefaults() {
		StripeProperties properties = new StripeProperties();
		assertThat(properties.getPath()).isEqualTo(StripeConfig.DEFAULT_PATH);
		assertThat(properties.getTolerance()).isEqualTo(StripeConfig.DEFAULT_TOLERANCE);
		assertThat(properties.getMaxPayloadSize().toBytes()).isEqualTo(StripeConfig.DEFAULT_MAX_PAYLOAD_BYTES);
		assertThat(properties.getSigningSecrets()).isEmpty();
	}

}
