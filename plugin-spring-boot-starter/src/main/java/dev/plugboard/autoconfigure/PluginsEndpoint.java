package dev.plugboard.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.plugboard.RoutesPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.RouteDescription;

/**
 * The actuator endpoint {@code plugins}: every plugin the runtime resolved, enabled or
 * not, in dispatch order, with what it does and how often it faulted, and the state of
 * the deferred-work executor. Use it to check which plugins a running application has on,
 * and why.
 *
 * @since 0.1.0
 */
@Endpoint(id = "plugins")
public final class PluginsEndpoint {

	private final PluginRuntime runtime;

	/**
	 * Create an endpoint reporting on a runtime.
	 * @param runtime the runtime
	 */
	public PluginsEndpoint(PluginRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Report the plugins and the deferred executor.
	 * @return the report
	 */
	@ReadOperation
	public PluginsDescriptor plugins() {
		List<PluginDescriptor> plugins = this.runtime.registry().all().stream().map(PluginsEndpoint::describe).toList();
		DeferredExecutor executor = this.runtime.deferred();
		DeferredDescriptor deferred = new DeferredDescriptor(executor.capacity(), executor.queued(), executor.active(),
				executor.submitted(), executor.completed(), executor.failed(), executor.rejected());
		return new PluginsDescriptor(plugins, deferred);
	}

	private static PluginDescriptor describe(RegisteredPlugin plugin) {
		List<RouteDescriptor> routes = (plugin.enabled() && plugin.plugin() instanceof RoutesPlugin routesPlugin)
				? RouteDescription.of(routesPlugin.routes()).stream().map(RouteDescriptor::of).toList() : List.of();
		return new PluginDescriptor(plugin.id(), tag(plugin.source()), plugin.enabled(), plugin.order(),
				plugin.hookNames(), routes, plugin.entities().stream().sorted().toList(), tag(plugin.onError()),
				plugin.faults());
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param plugins every plugin, in dispatch order
	 * @param deferred the deferred-work executor
	 */
	public record PluginsDescriptor(List<PluginDescriptor> plugins, DeferredDescriptor deferred) {
	}

	/**
	 * One plugin.
	 *
	 * @param id the plugin id
	 * @param source {@code built-in}, {@code library} or {@code application}
	 * @param enabled whether it runs
	 * @param order its resolved order, lower first
	 * @param hooks the hooks it implements ({@code before-request}, {@code before-write},
	 * {@code after-write}, {@code after-read}, {@code routes})
	 * @param routes the routes it mounts; empty when disabled
	 * @param entities aggregate names its write and read hooks are restricted to; empty
	 * for all
	 * @param onError {@code fail-open} or {@code fail-closed}
	 * @param faults faults its hooks raised since startup
	 */
	public record PluginDescriptor(String id, String source, boolean enabled, int order, List<String> hooks,
			List<RouteDescriptor> routes, List<String> entities, String onError, long faults) {
	}

	/**
	 * One mounted route.
	 *
	 * @param methods the HTTP methods, empty for any
	 * @param path the path pattern
	 */
	public record RouteDescriptor(List<String> methods, String path) {

		static RouteDescriptor of(RouteDescription route) {
			return new RouteDescriptor(route.methods().stream().sorted().toList(), route.path());
		}

	}

	/**
	 * The deferred-work executor.
	 *
	 * @param capacity how many tasks may wait
	 * @param queued tasks waiting now
	 * @param active tasks running now
	 * @param submitted tasks accepted since startup
	 * @param completed tasks that ran to completion
	 * @param failed tasks that threw
	 * @param rejected tasks dropped (queue full, or shutting down)
	 */
	public record DeferredDescriptor(int capacity, int queued, int active, long submitted, long completed, long failed,
			long rejected) {
	}

}
