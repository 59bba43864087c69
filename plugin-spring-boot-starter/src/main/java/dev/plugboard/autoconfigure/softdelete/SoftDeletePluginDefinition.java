package dev.plugboard.autoconfigure.softdelete;

import java.time.Clock;
import java.util.LinkedHashSet;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.util.ClassUtils;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.autoconfigure.validation.RelationalTableMapping;
import dev.plugboard.builtin.softdelete.SoftDeleteConfig;
import dev.plugboard.builtin.softdelete.SoftDeletePlugin;
import dev.plugboard.builtin.validation.TableMapping;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * Creates the {@link SoftDeletePlugin} when the manifest lists it, with the application's
 * {@link Clock} bean (else the system clock in UTC), and, when a role is configured, its
 * restore and purge routes over a JDBC store.
 */
final class SoftDeletePluginDefinition implements PluginDefinition<SoftDeleteProperties> {

	private static final String RELATIONAL_MAPPING_CONTEXT = "org.springframework.data.relational.core.mapping.RelationalMappingContext";

	private final ObjectProvider<Clock> clock;

	private final ObjectProvider<NamedParameterJdbcOperations> jdbc;

	private final ObjectProvider<AggregateNames> names;

	private final ListableBeanFactory beanFactory;

	SoftDeletePluginDefinition(ObjectProvider<Clock> clock, ObjectProvider<NamedParameterJdbcOperations> jdbc,
			ObjectProvider<AggregateNames> names, ListableBeanFactory beanFactory) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.names = names;
		this.beanFactory = beanFactory;
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
		NamedParameterJdbcOperations jdbc = this.jdbc.getIfUnique();
		if (jdbc == null) {
			throw new PluginConfigurationException("role",
					"The restore and purge routes need database access, but the application has no "
							+ "NamedParameterJdbcTemplate; add spring-boot-starter-data-jdbc, or remove 'role' to "
							+ "mount no routes.");
		}
		SoftDeletePlugin scope = new SoftDeletePlugin(config, clock);
		JdbcSoftDeleteStore store = new JdbcSoftDeleteStore(jdbc, tableMapping(),
				new AggregateTypes(this.beanFactory, this.names), config.field(), scope::covers);
		return SoftDeletePlugin.withRoutes(config, clock, store);
	}

	private TableMapping tableMapping() {
		return ClassUtils.isPresent(RELATIONAL_MAPPING_CONTEXT, getClass().getClassLoader())
				? new RelationalTableMapping(this.beanFactory) : TableMapping.conventional();
	}

}
