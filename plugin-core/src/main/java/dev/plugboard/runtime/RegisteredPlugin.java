package dev.plugboard.runtime;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import dev.plugboard.AfterReadPlugin;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.OnError;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.Plugin;
import dev.plugboard.RoutesPlugin;

/**
 * A plugin as the runtime resolved it from its bean or definition and its manifest entry.
 */
public final class RegisteredPlugin {

	private final Plugin plugin;

	private final String id;

	private final PluginSource source;

	private final boolean enabled;

	private final int order;

	private final Set<String> entities;

	private final OnError onError;

	private final Set<Hook> hooks;

	private final LongAdder faults = new LongAdder();

	RegisteredPlugin(Plugin plugin, String id, PluginSource source, PluginSettings settings) {
		this.plugin = plugin;
		this.id = id;
		this.source = source;
		this.enabled = !Boolean.FALSE.equals(settings.enabled());
		this.order = (settings.order() != null) ? settings.order() : plugin.order();
		this.entities = Set.copyOf(settings.entities());
		this.onError = (settings.onError() != null) ? settings.onError() : plugin.onError();
		this.hooks = hooksOf(plugin);
	}

	private static Set<Hook> hooksOf(Plugin plugin) {
		Set<Hook> hooks = EnumSet.noneOf(Hook.class);
		if (plugin instanceof BeforeRequestPlugin) {
			hooks.add(Hook.BEFORE_REQUEST);
		}
		if (plugin instanceof BeforeWritePlugin) {
			hooks.add(Hook.BEFORE_WRITE);
		}
		if (plugin instanceof AfterWritePlugin) {
			hooks.add(Hook.AFTER_WRITE);
		}
		if (plugin instanceof AfterReadPlugin) {
			hooks.add(Hook.AFTER_READ);
		}
		if (plugin instanceof RoutesPlugin) {
			hooks.add(Hook.ROUTES);
		}
		if (plugin instanceof OutboxPlugin) {
			hooks.add(Hook.OUTBOX);
		}
		return Set.copyOf(hooks);
	}

	public Plugin plugin() {
		return this.plugin;
	}

	public String id() {
		return this.id;
	}

	public PluginSource source() {
		return this.source;
	}

	public boolean enabled() {
		return this.enabled;
	}

	public int order() {
		return this.order;
	}

	/**
	 * Aggregate names the write and read hooks are restricted to.
	 * @return the names, empty when the plugin sees every entity
	 */
	public Set<String> entities() {
		return this.entities;
	}

	/**
	 * Whether this plugin's write and read hooks apply to an aggregate.
	 * @param aggregate the aggregate name
	 * @return whether the hooks run for it
	 */
	public boolean appliesTo(String aggregate) {
		return this.entities.isEmpty() || this.entities.contains(aggregate);
	}

	public OnError onError() {
		return this.onError;
	}

	public Set<Hook> hooks() {
		return this.hooks;
	}

	/**
	 * Hooks in a stable order, for reports.
	 * @return the hook tags
	 */
	public List<String> hookNames() {
		return this.hooks.stream().sorted().map(Hook::tag).toList();
	}

	/**
	 * How many faults this plugin's hooks raised since startup.
	 * @return the count
	 */
	public long faults() {
		return this.faults.sum();
	}

	void recordFault() {
		this.faults.increment();
	}

	@Override
	public String toString() {
		return this.id + "(order=" + this.order + ", " + this.source + ", " + (this.enabled ? "enabled" : "disabled")
				+ ")";
	}

}
