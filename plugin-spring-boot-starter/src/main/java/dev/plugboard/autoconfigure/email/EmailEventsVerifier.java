package dev.plugboard.autoconfigure.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.email.EmailConfig;
import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;

/**
 * Stops the boot when an event does not fit the application's entities: an entity no
 * repository manages, or a placeholder the entity has no property for. Runs once every
 * singleton exists (the repositories are created by then).
 */
final class EmailEventsVerifier implements SmartInitializingSingleton {

	private static final String PREFIX = "plugboard.plugins." + EmailPlugin.ID;

	private final ObjectProvider<PluginRegistry> registry;

	private final AggregateTypes types;

	EmailEventsVerifier(ObjectProvider<PluginRegistry> registry, AggregateTypes types) {
		this.registry = registry;
		this.types = types;
	}

	@Override
	public void afterSingletonsInstantiated() {
		EmailPlugin plugin = plugin();
		if (plugin == null || plugin.events().isEmpty()) {
			return;
		}
		Map<String, Class<?>> entityTypes = this.types.resolve();
		Set<String> verified = new LinkedHashSet<>();
		List<EmailConfig.Event> events = plugin.events();
		for (int i = 0; i < events.size(); i++) {
			String entity = events.get(i).entity();
			String aggregate = AggregateTypes.named(entityTypes, entity);
			if (aggregate == null) {
				List<String> known = new ArrayList<>(entityTypes.keySet());
				throw new ManifestException(Problem.INVALID_VALUE, EmailPlugin.ID,
						"Plugin 'email' sends a message when '" + entity + "' is written (" + PREFIX + ".events[" + i
								+ "].entity), but no Spring Data repository manages an aggregate of that name. "
								+ (known.isEmpty() ? "The application has no repositories."
										: "The aggregates are " + String.join(", ", known) + "."),
						"Name the aggregate as its table under '" + PREFIX + ".events[" + i
								+ "].entity', or add a repository for its entity.",
						List.of());
			}
			if (verified.add(aggregate)) {
				try {
					plugin.verify(aggregate, entityTypes.get(aggregate));
				}
				catch (PluginConfigurationException ex) {
					throw new ManifestException(Problem.INVALID_VALUE, EmailPlugin.ID,
							"Plugin 'email' cannot use the value of '" + ex.key() + "' (" + PREFIX + "." + ex.key()
									+ "). " + ex.getMessage(),
							"Fix the template or the event under '" + PREFIX
									+ "', or remove 'email' from the manifest.",
							List.of(), ex);
				}
			}
		}
	}

	private @Nullable EmailPlugin plugin() {
		PluginRegistry plugins = this.registry.getIfAvailable();
		return (plugins != null) ? plugins.enabled(EmailPlugin.class) : null;
	}

}
