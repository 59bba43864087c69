package dev.plugboard.benchmark;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.plugboard.Plugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * Runtimes for the request-path built-in benchmarks, built as the starter builds them,
 * and one request served the way the filter serves it.
 */
public final class BenchmarkRuntimes {

	private BenchmarkRuntimes() {
	}

	/**
	 * A runtime over built-in plugins with metrics off.
	 * @param deferred the deferred executor, shut down by the caller
	 * @param plugins the plugins, none for the baseline
	 * @return the runtime
	 */
	public static PluginRuntime of(DeferredExecutor deferred, Plugin... plugins) {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		for (Plugin plugin : plugins) {
			builder.add(plugin, PluginSource.BUILT_IN);
		}
		return new PluginRuntime(builder.build(), HookObserver.NONE, deferred);
	}

	/**
	 * What the filter does for one request, without the application: create the context
	 * (only when a plugin has a hook, as the filter), run the hooks, run the completion
	 * callbacks.
	 * @param runtime the runtime
	 * @param request the request
	 * @param response the response
	 * @return the response the application would write to
	 */
	public static HttpServletResponse serve(PluginRuntime runtime, HttpServletRequest request,
			HttpServletResponse response) {
		if (!runtime.hasBeforeRequestHooks()) {
			return response;
		}
		ServletRequestContext context = new ServletRequestContext(request, response);
		try {
			runtime.beforeRequest(context);
			return context.servletResponse();
		}
		finally {
			context.complete();
		}
	}

}
