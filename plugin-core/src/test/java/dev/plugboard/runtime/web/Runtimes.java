package dev.plugboard.runtime.web;

import java.util.Map;

import dev.plugboard.Plugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;

/**
 * Builds a real runtime over application plugins, as the starter would.
 */
final class Runtimes {

	private Runtimes() {
	}

	static PluginRuntime of(Plugin... plugins) {
		return of(Map.of(), plugins);
	}

	static PluginRuntime of(Map<String, PluginSettings> manifest, Plugin... plugins) {
		PluginRegistry.Builder builder = PluginRegistry.builder(manifest);
		for (Plugin plugin : plugins) {
			builder.add(plugin, PluginSource.APPLICATION);
		}
		return new PluginRuntime(builder.build(), HookObserver.NONE, new DeferredExecutor(1, 1));
	}

}
