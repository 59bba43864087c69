package dev.plugboard;

import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A plugin that adds HTTP endpoints to the application. Use it for endpoints that belong
 * to the plugin (a webhook receiver, a health page, a verification route). The routes are
 * mounted only while the plugin is enabled; a route that clashes with an application
 * route or another plugin's route stops the boot.
 *
 * <p>
 * A {@link PluginException} thrown from a handler is answered like one thrown from any
 * hook.
 *
 * @since 0.1.0
 */
public interface RoutesPlugin extends Plugin {

	/**
	 * The plugin's routes, built once at startup.
	 * @return the routes, for example
	 * {@code RouterFunctions.route().GET("/x", handler).build()}
	 */
	RouterFunction<ServerResponse> routes();

}
