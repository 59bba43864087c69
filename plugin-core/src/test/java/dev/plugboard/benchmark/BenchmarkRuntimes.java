package dev.plugboard.benchmark;

import java.io.IOException;
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
	 * What the filter does for one request: create the context (only when a plugin has a
	 * hook, as the filter), run the hooks, hand the possibly wrapped request and response
	 * to the application unless a plugin answered, run the completion callbacks.
	 * @param runtime the runtime
	 * @param request the request
	 * @param response the response
	 * @param application what the application does with the request
	 * @return the request the application saw
	 * @throws IOException when the application fails to write
	 */
	public static HttpServletRequest serve(PluginRuntime runtime, HttpServletRequest request,
			HttpServletResponse response, Application application) throws IOException {
		if (!runtime.hasBeforeRequestHooks()) {
			application.handle(request, response);
			return request;
		}
		ServletRequestContext context = new ServletRequestContext(request, response);
		try {
			runtime.beforeRequest(context);
			if (!context.responded()) {
				application.handle(context.servletRequest(), context.servletResponse());
			}
			return context.servletRequest();
		}
		finally {
			context.complete();
		}
	}

	/**
	 * The application behind the filter.
	 */
	@FunctionalInterface
	public interface Application {

		/** An application that does nothing. */
		Application NONE = (request, response) -> {
		};

		/**
		 * Handle a request.
		 * @param request the request
		 * @param response the response
		 * @throws IOException when writing fails
		 */
		void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

}
