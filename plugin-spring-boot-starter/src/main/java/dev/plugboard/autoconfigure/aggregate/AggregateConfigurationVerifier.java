package dev.plugboard.autoconfigure.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;

/**
 * Stops the boot when a built-in's per-aggregate configuration does not fit the
 * application's entities: an aggregate no repository manages, or a property its entity
 * class does not have. Runs once every singleton exists (the repositories, and so the
 * entity classes, are known by then) and only when the plugin is in the registry. The
 * failure is a {@link ManifestException}, reported by the starter's failure analyzer with
 * the plugin, the key and the fix.
 *
 * @param <P> the plugin's type
 * @since 0.1.0
 */
public final class AggregateConfigurationVerifier<P extends Plugin> implements SmartInitializingSingleton {

	private final Class<P> pluginType;

	private final String key;

	private final ObjectProvider<PluginRegistry> registry;

	private final AggregateTypes types;

	private final Function<P, Set<String>> aggregates;

	private final Verification<P> verification;

	/**
	 * Create a verifier.
	 * @param pluginType the plugin's class
	 * @param key the plugin's key whose entries are keyed by aggregate name, such as
	 * {@code fields}
	 * @param registry the plugin registry
	 * @param types the entity classes by aggregate
	 * @param aggregates the aggregates the plugin's configuration names
	 * @param verification the check of one aggregate against its entity class
	 */
	public AggregateConfigurationVerifier(Class<P> pluginType, String key, ObjectProvider<PluginRegistry> registry,
			AggregateTypes types, Function<P, Set<String>> aggregates, Verification<P> verification) {
		this.pluginType = pluginType;
		this.key = key;
		this.registry = registry;
		this.types = types;
		this.aggregates = aggregates;
		this.verification = verification;
	}

	@Override
	public void afterSingletonsInstantiated() {
		P plugin = plugin();
		if (plugin == null || this.aggregates.apply(plugin).isEmpty()) {
			return;
		}
		Map<String, Class<?>> entityTypes = this.types.resolve();
		for (String aggregate : this.aggregates.apply(plugin)) {
			Class<?> entityType = entityTypes.get(aggregate);
			if (entityType == null) {
				throw unknownAggregate(plugin.id(), aggregate, entityTypes);
			}
			try {
				this.verification.verify(plugin, aggregate, entityType);
			}
			catch (PluginConfigurationException ex) {
				throw invalid(plugin.id(), ex);
			}
		}
	}

	private @Nullable P plugin() {
		PluginRegistry plugins = this.registry.getIfAvailable();
		return (plugins != null) ? plugins.enabled(this.pluginType) : null;
	}

	private ManifestException unknownAggregate(String id, String aggregate, Map<String, Class<?>> entityTypes) {
		String property = "plugboard.plugins." + id + "." + this.key + "." + aggregate;
		List<String> known = new ArrayList<>(entityTypes.keySet());
		String description = "Plugin '" + id + "' configures the aggregate '" + aggregate + "' (" + property
				+ "), but no Spring Data repository manages an aggregate of that name. "
				+ (known.isEmpty() ? "The application has no repositories."
						: "The aggregates are " + String.join(", ", known) + ".");
		return new ManifestException(Problem.INVALID_VALUE, id, description,
				"Name the aggregate as its table (such as " + (known.isEmpty() ? "order_line" : known.get(0))
						+ ") under '" + "plugboard.plugins." + id + "." + this.key
						+ "', or add a repository for its entity.",
				List.of());
	}

	private static ManifestException invalid(String id, PluginConfigurationException ex) {
		String prefix = "plugboard.plugins." + id;
		return new ManifestException(Problem.INVALID_VALUE, id,
				"Plugin '" + id + "' cannot use the value of '" + ex.key() + "' (" + prefix + "." + ex.key() + "). "
						+ ex.getMessage(),
				"Fix '" + ex.key() + "' under '" + prefix + "', or remove '" + id + "' from the manifest.", List.of(),
				ex);
	}

	/**
	 * The check of one aggregate's configuration against its entity class.
	 *
	 * @param <P> the plugin's type
	 */
	@FunctionalInterface
	public interface Verification<P> {

		/**
		 * Check one aggregate.
		 * @param plugin the plugin
		 * @param aggregate the aggregate name
		 * @param entityType the entity class
		 * @throws PluginConfigurationException naming the key and what is wrong
		 */
		void verify(P plugin, String aggregate, Class<?> entityType);

	}

}
