package dev.plugboard.builtin.immutablefields;

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
 * plugin asked for the stored row.
 */
final class CountingLoads {

	private final PluginRuntime runtime;

	private final AtomicInteger loads = new AtomicInteger();

	CountingLoads(Plugin plugin) {
		PluginRegistry registry = PluginRegistry.builder(Map.of()).add(plugin, PluginSource.BUILT_IN).build();
		this.runtime = new PluginRuntime(registry, HookObserver.NONE, new DeferredExecutor(1, 1));
	}

	@SuppressWarnings("unchecked")
	<T> T beforeWrite(WriteOp op, String aggregate, T entity, @Nullable Object stored) {
		EntityWrite write = new EntityWrite((written) -> {
			this.loads.incrementAndGet();
			return stored;
		});
		return (T) this.runtime.beforeWrite(op, entity, aggregate, null, write);
	}

	int loads() {
		return this.loads.get();
	}

}
