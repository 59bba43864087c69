package dev.plugboard.runtime.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.Forbidden;
import dev.plugboard.PluginException;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.RouteDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PluginRoutesTests {

	private static final List<HttpMessageConverter<?>> CONVERTERS = List.of(new StringHttpMessageConverter());

	@Test
	void routesOfEnabledPluginsAreServed() throws Exception {
		PluginRoutes routes = new PluginRoutes(
				Runtimes.of(plugin("health", "/internal/health", (request) -> ServerResponse.ok().body("up"))));
		assertThat(routes.route(request("GET", "/internal/health"))).isPresent();
		assertThat(routes.route(request("GET", "/elsewhere"))).isEmpty();
	}

	@Test
	void disabledPluginContributesNoRoute() {
		PluginRuntime runtime = Runtimes.of(Map.of("health", new PluginSettings(false, null, List.of(), null)),
				plugin("health", "/internal/health", (request) -> ServerResponse.ok().body("up")));
		PluginRoutes routes = new PluginRoutes(runtime);
		assertThat(routes.route(request("GET", "/internal/health"))).isEmpty();
		assertThat(routes.describe()).isEmpty();
	}

	@Test
	void describesTheRoutesOfEachPlugin() {
		PluginRoutes routes = new PluginRoutes(
				Runtimes.of(plugin("health", "/internal/health", (request) -> ServerResponse.ok().build()),
						plugin("hooks", "/hooks/{source}", (request) -> ServerResponse.ok().build())));
		assertThat(routes.describe()).containsOnlyKeys("health", "hooks");
		assertThat(routes.describe().get("hooks"))
			.containsExactly(new RouteDescription(Set.of("GET"), "/hooks/{source}"));
	}

	@Test
	void routesThatDifferOnlyInVariableNamesClash() {
		RouteDescription plugin = new RouteDescription(Set.of("GET"), "/orders/{id}/lines/{*rest}");
		assertThat(plugin.clashesWith(new RouteDescription(Set.of("GET", "POST"), "/orders/{orderId}/lines/{*path}")))
			.isTrue();
		assertThat(plugin.clashesWith(new RouteDescription(Set.of(), "/orders/{orderId}/lines/{*path}"))).isTrue();
		assertThat(plugin.clashesWith(new RouteDescription(Set.of("POST"), "/orders/{orderId}/lines/{*path}")))
			.isFalse();
		assertThat(plugin.clashesWith(new RouteDescription(Set.of("GET"), "/orders/{id:\\d+}/lines/{*rest}")))
			.isFalse();
		assertThat(plugin.clashesWith(new RouteDescription(Set.of("GET"), "/orders/{id}/items/{*rest}"))).isFalse();
	}

	@Test
	void rejectionFromAHandlerIsAttributedToItsPlugin() throws Exception {
		PluginRoutes routes = new PluginRoutes(Runtimes.of(plugin("hooks", "/hooks", (request) -> {
			throw new Forbidden("bad-signature", "The signature does not match");
		})));
		assertThatExceptionOfType(PluginException.class).isThrownBy(() -> handle(routes, request("GET", "/hooks")))
			.satisfies((ex) -> assertThat(ex.plugin()).isEqualTo("hooks"));
	}

	@Test
	void runtimeExceptionFromAHandlerIsACountedFaultOfItsPlugin() {
		PluginRuntime runtime = Runtimes.of(plugin("hooks", "/hooks", (request) -> {
			throw new IllegalStateException("boom");
		}));
		PluginRoutes routes = new PluginRoutes(runtime);
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> handle(routes, request("GET", "/hooks")))
			.satisfies((ex) -> {
				assertThat(ex.pluginId()).isEqualTo("hooks");
				assertThat(ex.correlationId()).isNotBlank();
			});
		assertThat(registered(runtime, "hooks").faults()).isOne();
	}

	@Test
	void exceptionsSpringAnswersItselfAreNotFaults() {
		PluginRuntime runtime = Runtimes.of(plugin("hooks", "/hooks", (request) -> {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}));
		PluginRoutes routes = new PluginRoutes(runtime);
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> handle(routes, request("GET", "/hooks")));
		assertThat(registered(runtime, "hooks").faults()).isZero();
	}

	@Test
	void pluginThatCannotBuildItsRoutesIsNamed() {
		RoutesPlugin broken = new RoutesPlugin() {

			@Override
			public String id() {
				return "broken";
			}

			@Override
			public RouterFunction<ServerResponse> routes() {
				throw new IllegalArgumentException("bad pattern");
			}

		};
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> new PluginRoutes(Runtimes.of(broken)))
			.withMessageContaining("'broken'");
	}

	private static RegisteredPlugin registered(PluginRuntime runtime, String id) {
		return runtime.registry().all().stream().filter((plugin) -> plugin.id().equals(id)).findFirst().orElseThrow();
	}

	private static ServerResponse handle(PluginRoutes routes, ServerRequest request) throws Exception {
		return routes.route(request).orElseThrow().handle(request);
	}

	private static ServerRequest request(String method, String path) {
		MockHttpServletRequest servletRequest = new MockHttpServletRequest(method, path);
		return ServerRequest.create(servletRequest, CONVERTERS);
	}

	private static RoutesPlugin plugin(String id, String path, HandlerFunction<ServerResponse> handler) {
		return new RoutesPlugin() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public RouterFunction<ServerResponse> routes() {
				return RouterFunctions.route().GET(path, handler).build();
			}

		};
	}

}
