package dev.plugboard.autoconfigure.softdelete;

import java.time.Clock;
import java.util.LinkedHashSet;

import org.springframework.beans.factory.ObjectProvider;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.softdelete.SoftDeleteConfig;
import dev.plugboard.builtin.softdelete.SoftDeletePlugin;
import dev.plugboard.builtin.softdelete.SoftDeleteStore;

/**
 * Creates the {@link SoftDeletePlugin} when the manifest lists it, with the application's
 * {@link Clock} bean (else the system clock in UTC), and, when a role is configured, its
 * restore and purge routes over the {@link SoftDeleteStore} bean.
 */
final class SoftDeletePluginDefinition implements PluginDefinition<SoftDeleteProperties> {

	private final ObjectProvider<Clock> clock;

	private final ObjectProvider<SoftDeleteStore> store;

	SoftDeletePluginDefinition(ObjectProvider<Clock> clock, ObjectProvider<SoftDeleteStore> store) {
		this.clock = clock;
		this.store = store;
	}

	@Override
	public String id() {
		return SoftDeletePlugin.ID;
	}

	@Override
	public Class<SoftDeleteProperties> configurationType() {
		return SoftDeleteProperties.class;
	}

	@Override
	public Plugin create(SoftDeleteProperties properties) {
		SoftDeleteConfig config = new SoftDeleteConfig(properties.getField(),
				new LinkedHashSet<>(properties.getAggregates()), properties.getRole(), properties.getBasePath());
		Clock clock = this.clock.getIfAvailable(Clock::systemUTC);
		if (config.role() == null) {
			return new SoftDeletePlugin(config, clock);
		}
		SoftDeleteStore store = this.store.getIfUnique();
		if (store == null || (store instanceof PluginSoftDeleteStore jdbc && !jdbc.hasDatabase())) {
			throw new PluginConfigurationException("role",
					"The restore and purge routes need database access, but the application has no "
							+ "NamedParameterJdbcTemplate; add spring-boot-starter-data-jdbc, or remove 'role' to "
							+ "mount no routes.");
		}
		return SoftDeletePlugin.withRoutes(config, clock, store);
	}

}
