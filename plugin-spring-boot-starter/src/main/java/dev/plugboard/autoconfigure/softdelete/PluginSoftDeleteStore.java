package dev.plugboard.autoconfigure.softdelete;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.util.ClassUtils;

import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.autoconfigure.validation.RelationalTableMapping;
import dev.plugboard.builtin.softdelete.SoftDeletePlugin;
import dev.plugboard.builtin.softdelete.SoftDeleteStore;
import dev.plugboard.builtin.validation.TableMapping;
import dev.plugboard.runtime.PluginRegistry;

/**
 * The starter's {@link SoftDeleteStore} bean, for the plugin's routes and for application
 * code: on first use, a {@link JdbcSoftDeleteStore} for the deleted-at property and
 * aggregates of the enabled {@code soft-delete} plugin.
 */
final class PluginSoftDeleteStore implements SoftDeleteStore {

	private static final String RELATIONAL_MAPPING_CONTEXT = "org.springframework.data.relational.core.mapping.RelationalMappingContext";

	private final ObjectProvider<PluginRegistry> registry;

	private final ObjectProvider<NamedParameterJdbcOperations> jdbc;

	private final AggregateTypes types;

	private final ListableBeanFactory beanFactory;

	private volatile @Nullable SoftDeleteStore delegate;

	PluginSoftDeleteStore(ObjectProvider<PluginRegistry> registry, ObjectProvider<NamedParameterJdbcOperations> jdbc,
			AggregateTypes types, ListableBeanFactory beanFactory) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.types = types;
		this.beanFactory = beanFactory;
	}

	/**
	 * Whether the application has the database access this store needs.
	 * @return whether a unique {@link NamedParameterJdbcOperations} exists
	 */
	boolean hasDatabase() {
		return this.jdbc.getIfUnique() != null;
	}

	@Override
	public boolean restore(String aggregate, String id) {
		return delegate().restore(aggregate, id);
	}

	@Override
	public boolean purge(String aggregate, String id) {
		return delegate().purge(aggregate, id);
	}

	private SoftDeleteStore delegate() {
		SoftDeleteStore delegate = this.delegate;
		if (delegate == null) {
			SoftDeletePlugin plugin = plugin();
			NamedParameterJdbcOperations jdbc = this.jdbc.getIfUnique();
			if (jdbc == null) {
				throw new IllegalStateException("Restoring and purging soft-deleted rows needs a "
						+ "NamedParameterJdbcTemplate; add spring-boot-starter-data-jdbc");
			}
			delegate = new JdbcSoftDeleteStore(jdbc, tableMapping(), this.types, plugin.field(), plugin::covers);
			this.delegate = delegate;
		}
		return delegate;
	}

	private SoftDeletePlugin plugin() {
		PluginRegistry registry = this.registry.getIfAvailable();
		SoftDeletePlugin plugin = (registry != null) ? registry.enabled(SoftDeletePlugin.class) : null;
		if (plugin != null) {
			return plugin;
		}
		throw new IllegalStateException(
				"The soft-delete plugin is not enabled; list it under plugboard.plugins to restore and purge rows");
	}

	private TableMapping tableMapping() {
		return ClassUtils.isPresent(RELATIONAL_MAPPING_CONTEXT, getClass().getClassLoader())
				? new RelationalTableMapping(this.beanFactory) : TableMapping.conventional();
	}

}
