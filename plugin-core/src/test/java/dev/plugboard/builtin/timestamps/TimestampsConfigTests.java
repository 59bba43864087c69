package dev.plugboard.builtin.timestamps;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.builtin.timestamps.TimestampsConfig.Fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks of a {@link TimestampsConfig}.
 */
class TimestampsConfigTests {

	@Test
	void defaultsAreCreatedAtAndUpdatedAtWithTheStoredCreatedWinning() {
		TimestampsConfig defaults = TimestampsConfig.defaults();
		assertThat(defaults.created()).isEqualTo("createdAt");
		assertThat(defaults.updated()).isEqualTo("updatedAt");
		assertThat(defaults.fields()).isEmpty();
		assertThat(defaults.trustIncomingCreated()).isFalse();
	}

	@Test
	void blankCreatedIsRefusedNamingTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TimestampsConfig(" ", "updatedAt", Map.of(), false))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("created"));
	}

	@Test
	void columnNameInsteadOfPropertyNameIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TimestampsConfig("createdAt", "updated-at", Map.of(), false))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("updated"))
			.withMessageContaining("'updated-at' is not a Java property name");
	}

	@Test
	void sameNameForBothTimesIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TimestampsConfig("stamp", "stamp", Map.of(), false))
			.withMessageContaining("'stamp'");
	}

	@Test
	void aggregateOverrideIsCheckedUnderItsOwnKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TimestampsConfig("createdAt", "updatedAt",
					Map.of("orders", new Fields("placed at", null)), false))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("fields.orders.created"));
	}

	@Test
	void aggregateOverrideClashingWithTheDefaultIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TimestampsConfig("createdAt", "updatedAt",
					Map.of("orders", new Fields("updatedAt", null)), false))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("fields.orders"));
	}

}
