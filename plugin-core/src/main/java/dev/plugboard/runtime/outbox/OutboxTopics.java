package dev.plugboard.runtime.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.plugboard.OutboxPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

/**
 * Finds the enabled plugins that deliver outbox records, and stops the boot when two of
 * them claim one topic (a record would have no single deliverer).
 *
 * @since 0.1.0
 */
public final class OutboxTopics {

	private OutboxTopics() {
	}

	/**
	 * The enabled {@link OutboxPlugin}s, in dispatch order.
	 * @param registry the resolved plugins
	 * @return the plugins, empty when none delivers outbox records
	 * @throws ManifestException when two of them have the same topic
	 */
	public static List<RegisteredPlugin> deliverers(PluginRegistry registry) {
		Map<String, RegisteredPlugin> byTopic = new LinkedHashMap<>();
		List<RegisteredPlugin> deliverers = new ArrayList<>();
		for (RegisteredPlugin plugin : registry.enabled()) {
			if (plugin.plugin() instanceof OutboxPlugin outboxPlugin) {
				String topic = outboxPlugin.topic();
				RegisteredPlugin existing = byTopic.putIfAbsent(topic, plugin);
				if (existing != null) {
					throw new ManifestException(Problem.DUPLICATE_ID, plugin.id(),
							"Plugins '" + existing.id() + "' and '" + plugin.id() + "' both deliver the outbox topic '"
									+ topic + "', so a record of that topic would have no single deliverer.",
							"Give one of them another topic (OutboxPlugin.topic()), or disable one of them in "
									+ "plugboard.plugins.",
							List.of());
				}
				deliverers.add(plugin);
			}
		}
		return List.copyOf(deliverers);
	}

}
