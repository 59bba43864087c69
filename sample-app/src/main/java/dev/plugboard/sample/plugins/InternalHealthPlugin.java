package dev.plugboard.sample.plugins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.RoutesPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

/**
 * Serves {@code GET /internal/health}: every plugin with its state (enabled, order,
 * hooks, source, faults), for an operator's dashboard. The route exists only while this
 * plugin is enabled.
 *
 * <p>
 * The registry is built from every plugin bean, this one included, so the plugin cannot
 * take the registry in its constructor: it asks an {@link ObjectProvider} on each request
 * instead.
 */
@Component
public class InternalHealthPlugin implements RoutesPlugin {

	/** The plugin's id, its key under {@code plugboard.plugins}. */
	public static final String ID = "internal-health";

	private final ObjectProvider<PluginRegistry> registry;

	public InternalHealthPlugin(ObjectProvider<PluginRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().GET("/internal/health", (request) -> ServerResponse.ok().body(health())).build();
	}

	private Map<String, Object> health() {
		List<RegisteredPlugin> plugins = this.registry.getObject().all();
		boolean faulted = plugins.stream().anyMatch((plugin) -> plugin.faults() > 0);
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("status", faulted ? "DEGRADED" : "UP");
		health.put("plugins", plugins.stream().map(InternalHealthPlugin::describe).toList());
		return health;
	}

	private static Map<String, Object> describe(RegisteredPlugin plugin) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("id", plugin.id());
		description.put("enabled", plugin.enabled());
		description.put("order", plugin.order());
		description.put("hooks", plugin.hookNames());
		description.put("source", plugin.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		description.put("entities", plugin.entities().stream().sorted().toList());
		description.put("faults", plugin.faults());
		return description;
	}

}
