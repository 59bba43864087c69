package dev.plugboard.runtime.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.RoutesPlugin;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.RouteDescription;

/**
 * The routes of every enabled {@link RoutesPlugin}, combined into one
 * {@link RouterFunction} for Spring MVC's router function mapping. A disabled plugin
 * contributes nothing, so its routes answer 404. Each plugin's
 * {@link RoutesPlugin#routes()} is called once, here.
 *
 * <p>
 * What a plugin's handler throws is classified like a hook failure: a
 * {@link dev.plugboard.PluginException} is attributed to the plugin (the problem body
 * names it); any other runtime exception is a fault of the plugin, logged once, counted
 * and answered with a 500 problem body. Exceptions that Spring MVC itself answers with a
 * status (those implementing {@link ErrorResponse}, annotated with
 * {@link ResponseStatus}, and unreadable or unwritable bodies) are left to Spring MVC.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class PluginRoutes implements RouterFunction<ServerResponse> {

	private final Map<String, RouterFunction<ServerResponse>> byPlugin;

	private final @Nullable RouterFunction<ServerResponse> combined;

	/**
	 * Collect the routes of the runtime's enabled route plugins, in plugin order.
	 * @param runtime the runtime
	 * @throws IllegalStateException when a plugin fails to build its routes
	 */
	public PluginRoutes(PluginRuntime runtime) {
		Map<String, RouterFunction<ServerResponse>> byPlugin = new LinkedHashMap<>();
		RouterFunction<ServerResponse> combined = null;
		for (RegisteredPlugin plugin : runtime.routePlugins()) {
			RouterFunction<ServerResponse> routes = routesOf(plugin);
			byPlugin.put(plugin.id(), routes);
			RouterFunction<ServerResponse> classified = routes.filter(new Failures(runtime, plugin));
			combined = (combined != null) ? combined.and(classified) : classified;
		}
		this.byPlugin = byPlugin;
		this.combined = combined;
	}

	private static RouterFunction<ServerResponse> routesOf(RegisteredPlugin plugin) {
		try {
			return ((RoutesPlugin) plugin.plugin()).routes();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Plugin '" + plugin.id() + "' failed to build its routes", ex);
		}
	}

	/**
	 * The routes each enabled route plugin declares, for clash detection and reports.
	 * @return the routes keyed by plugin id, in plugin order
	 */
	public Map<String, List<RouteDescription>> describe() {
		Map<String, List<RouteDescription>> described = new LinkedHashMap<>();
		this.byPlugin.forEach((id, routes) -> described.put(id, RouteDescription.of(routes)));
		return described;
	}

	@Override
	public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
		return (this.combined != null) ? this.combined.route(request) : Optional.empty();
	}

	@Override
	public void accept(RouterFunctions.Visitor visitor) {
		if (this.combined != null) {
			this.combined.accept(visitor);
		}
	}

	@Override
	public String toString() {
		return "PluginRoutes" + this.byPlugin.keySet();
	}

	private static final class Failures implements HandlerFilterFunction<ServerResponse, ServerResponse> {

		private final PluginRuntime runtime;

		private final RegisteredPlugin plugin;

		Failures(PluginRuntime runtime, RegisteredPlugin plugin) {
			this.runtime = runtime;
			this.plugin = plugin;
		}

		@Override
		public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
			try {
				return next.handle(request);
			}
			catch (PluginFaultException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				if (answeredBySpring(ex)) {
					throw ex;
				}
				throw this.runtime.routeFailure(this.plugin, PluginRuntime.currentRequest(), ex);
			}
		}

		private static boolean answeredBySpring(RuntimeException ex) {
			return ex instanceof ErrorResponse || ex instanceof HttpMessageConversionException
					|| AnnotatedElementUtils.hasAnnotation(ex.getClass(), ResponseStatus.class);
		}

	}

}
