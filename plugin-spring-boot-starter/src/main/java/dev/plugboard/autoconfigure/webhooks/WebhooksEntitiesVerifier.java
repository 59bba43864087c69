package dev.plugboard.autoconfigure.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.support.EntityType;
import dev.plugboard.builtin.webhooks.WebhooksPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;

/**
 * Stops the boot when a webhooks endpoint lists an entity that no Spring Data repository
 * manages, so a misspelt name does not silently post nothing. Runs once every singleton
 * exists, and only when the plugin is enabled.
 */
final class WebhooksEntitiesVerifier implements SmartInitializingSingleton {

	private final ObjectProvider<PluginRegistry> registry;

	private final AggregateTypes types;

	WebhooksEntitiesVerifier(ObjectProvider<PluginRegistry> registry, AggregateTypes types) {
		this.registry = registry;
		this.types = types;
	}

	@Override
	public void afterSingletonsInstantiated() {
		WebhooksPlugin plugin = plugin();
		if (plugin == null || plugin.entities().values().stream().allMatch(List::isEmpty)) {
			return;
		}
		Map<String, Class<?>> types = this.types.resolve();
		for (Map.Entry<String, List<String>> endpoint : plugin.entities().entrySet()) {
			for (String entity : endpoint.getValue()) {
				if (AggregateTypes.named(types, entity) == null) {
					throw unknown(endpoint.getKey(), entity, new ArrayList<>(types.keySet()));
				}
			}
		}
	}

	private @Nullable WebhooksPlugin plugin() {
		PluginRegistry plugins = this.registry.getIfAvailable();
		return (plugins != null) ? plugins.enabled(WebhooksPlugin.class) : null;
	}

	private static ManifestException unknown(String endpoint, String entity, List<String> known) {
		String key = "plugboard.plugins." + WebhooksPlugin.ID + ".endpoints." + endpoint + ".entities";
		String nearest = EntityType.nearest(entity, known);
		String description = "Webhooks endpoint '" + endpoint + "' lists the entity '" + entity + "' (" + key
				+ "), but no Spring Data repository manages an aggregate of that name"
				+ ((nearest != null) ? "; did you mean '" + nearest + "'?" : ".") + " "
				+ (known.isEmpty() ? "The application has no repositories."
						: "The aggregates are " + String.join(", ", known) + ".");
		return new ManifestException(Problem.INVALID_VALUE, WebhooksPlugin.ID, description,
				"Name the aggregate as its table (such as "
						+ ((nearest != null) ? nearest : known.isEmpty() ? "order_line" : known.get(0)) + ") under '"
						+ key + "', or add a repository for its entity.",
				List.of());
	}

}
