package dev.plugboard.builtin.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.plugboard.Plugin;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.EntityWrite;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;

/**
 * Runs a plugin's before-write hook through the runtime, as the repository interceptor
 * does, with a stored entity whose loads are counted: the harness cannot tell whether a
 * plugin asked for the stored row. Shared by the tests of the built-ins that load it.
 */
public final class CountingLoads {

	private final PluginRuntime runtime;

	private final AtomicInteger loads = new AtomicInteger();

	/**
	 * Run this plugin alone.
	 * @param plugin the plugin
	 */
	public CountingLoads(Plugin plugin) {
		PluginRegistry registry = PluginRegistry.builder(Map.of()).add(plugin, PluginSource.BUILT_IN).build();
		this.runtime = new PluginRuntime(registry, HookObserver.NONE, new DeferredExecutor(1, 1));
	}

	/**
	 * Run the before-write hook once.
	 * @param <T> the entity type
	 * @param op the operation
	 * @param aggregate the aggregate name
	 * @param entity the entity written
	 * @param stored what a load of the stored row returns
	 * @return the entity as the hook left it
	 */
	@SuppressWarnings("unchecked")
	public <T> T beforeWrite(WriteOp op, String aggregate, T entity, @Nullable Object stored) {
		EntityWrite write = new EntityWrite((written) -> {
			this.loads.incrementAndGet();
			return stored;
		});
		return (T) this.runtime.beforeWrite(op, entity, aggregate, null, write);
	}

	/**
	 * How many times the stored row was loaded.
	 * @return the count
	 */
	public int loads() {
		return this.loads.get();
	}

}
