package dev.plugboard.autoconfigure.timestamps;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.timestamps.TimestampsConfig;
import dev.plugboard.builtin.timestamps.TimestampsPlugin;

/**
 * Creates the {@link TimestampsPlugin} when the manifest lists it, with the application's
 * {@link Clock} bean, or the system clock in UTC when it has none.
 */
final class TimestampsPluginDefinition implements PluginDefinition<TimestampsProperties> {

	private final ObjectProvider<Clock> clock;

	TimestampsPluginDefinition(ObjectProvider<Clock> clock) {
		this.clock = clock;
	}

	@Override
	public String id() {
		return TimestampsPlugin.ID;
	}

	@Override
	public Class<TimestampsProperties> configurationType() {
		return TimestampsProperties.class;
	}

	@Override
	public Plugin create(TimestampsProperties properties) {
		Map<String, TimestampsConfig.Fields> fields = new LinkedHashMap<>();
		properties.getFields()
			.forEach((aggregate, names) -> fields.put(aggregate,
					new TimestampsConfig.Fields(names.getCreated(), names.getUpdated())));
		TimestampsConfig config = new TimestampsConfig(properties.getCreated(), properties.getUpdated(), fields,
				properties.isTrustIncomingCreated());
		return new TimestampsPlugin(config, this.clock.getIfAvailable(Clock::systemUTC));
	}

}
