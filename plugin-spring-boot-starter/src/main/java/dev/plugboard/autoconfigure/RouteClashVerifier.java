package dev.plugboard.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RouteDescription;
import dev.plugboard.runtime.web.PluginRoutes;

/**
 * Stops the boot when a route of an enabled plugin clashes with an application route or
 * with a route of another enabled plugin. Two routes clash when they have the same path
 * pattern (URI variable names aside) and overlapping methods (no method means every
 * method). Runs once every singleton exists, when the request mappings have been
 * detected.
 *
 * <p>
 * Spring MVC consults annotated controllers before router functions, so a plugin route
 * that clashes with a controller would never be reached; between two router functions the
 * first silently wins. Neither is allowed to happen unnoticed.
 */
final class RouteClashVerifier implements SmartInitializingSingleton {

	private final PluginRoutes pluginRoutes;

	private final PluginRuntime runtime;

	private final ListableBeanFactory beanFactory;

	RouteClashVerifier(PluginRoutes pluginRoutes, PluginRuntime runtime, ListableBeanFactory beanFactory) {
		this.pluginRoutes = pluginRoutes;
		this.runtime = runtime;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, List<RouteDescription>> plugins = this.pluginRoutes.describe();
		if (plugins.isEmpty()) {
			return;
		}
		List<ApplicationRoute> application = applicationRoutes();
		List<String> checked = new ArrayList<>();
		plugins.forEach((id, routes) -> {
			for (RouteDescription route : routes) {
				for (ApplicationRoute other : application) {
					if (route.clashesWith(other.route())) {
						throw clashWithApplication(id, route, other);
					}
				}
				for (String otherId : checked) {
					for (RouteDescription other : plugins.get(otherId)) {
						if (route.clashesWith(other)) {
							throw clashBetweenPlugins(otherId, other, id, route);
						}
					}
				}
			}
			checked.add(id);
		});
	}

	private List<ApplicationRoute> applicationRoutes() {
		List<ApplicationRoute> routes = new ArrayList<>();
		this.beanFactory.getBeansOfType(RequestMappingInfoHandlerMapping.class, false, false)
			.values()
			.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handler) -> {
				for (String pattern : info.getPatternValues()) {
					routes.add(new ApplicationRoute(new RouteDescription(methodsOf(info), pattern),
							"the application's handler " + handler));
				}
			}));
		this.beanFactory.getBeansOfType(RouterFunction.class, false, false).forEach((name, routerFunction) -> {
			if (routerFunction != this.pluginRoutes) {
				for (RouteDescription route : RouteDescription.of(routerFunction)) {
					routes.add(new ApplicationRoute(route, "the application's router function bean '" + name + "'"));
				}
			}
		});
		return routes;
	}

	private static Set<String> methodsOf(RequestMappingInfo info) {
		Set<String> methods = new TreeSet<>();
		for (RequestMethod method : info.getMethodsCondition().getMethods()) {
			methods.add(method.name());
		}
		return methods;
	}

	private ManifestException clashWithApplication(String id, RouteDescription route, ApplicationRoute other) {
		return new ManifestException(Problem.ROUTE_CLASH, id,
				"The route " + route + " of plugin '" + id + "' clashes with " + other.route() + " of " + other.owner()
						+ ". Spring MVC would answer it from the application, and the plugin's"
						+ " route would never be reached.",
				"Change the path of the plugin's route, remove or move the application's mapping, or disable the"
						+ " plugin with 'plugboard.plugins." + id + ".enabled: false'.",
				this.runtime.registry().knownIds());
	}

	private ManifestException clashBetweenPlugins(String firstId, RouteDescription first, String secondId,
			RouteDescription second) {
		return new ManifestException(Problem.ROUTE_CLASH, secondId,
				"The route " + second + " of plugin '" + secondId + "' clashes with the route " + first + " of plugin '"
						+ firstId + "'. Only the first plugin in order would ever answer it.",
				"Change the path of one of the two routes, or disable one of the plugins with 'plugboard.plugins."
						+ firstId + ".enabled: false' or 'plugboard.plugins." + secondId + ".enabled: false'.",
				this.runtime.registry().knownIds());
	}

	private record ApplicationRoute(RouteDescription route, String owner) {
	}

}
