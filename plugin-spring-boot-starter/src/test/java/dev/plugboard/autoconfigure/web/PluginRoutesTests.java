package dev.plugboard.autoconfigure.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.RoutesPlugin;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardWebAutoConfiguration;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class PluginRoutesTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				PlugboardAutoConfiguration.class, PlugboardWebAutoConfiguration.class))
		.withUserConfiguration(HealthRoutes.class);

	@Test
	void routeOfAnEnabledPluginIsServed() {
		this.contextRunner.run((context) -> assertThat(mvc(context).get().uri("/internal/health")).hasStatusOk()
			.bodyText()
			.isEqualTo("up"));
	}

	@Test
	void routeOfADisabledPluginAnswers404() {
		this.contextRunner.withPropertyValues("plugboard.plugins.internal-health.enabled=false")
			.run((context) -> assertThat(mvc(context).get().uri("/internal/health")).hasStatus(404));
	}

	@Test
	void routeClashingWithAControllerStopsTheBoot() {
		this.contextRunner.withUserConfiguration(HealthController.class).run((context) -> {
			ManifestException failure = routeClash(context);
			assertThat(failure.pluginId()).isEqualTo("internal-health");
			assertThat(failure.description()).contains("plugin 'internal-health'")
				.contains("GET /internal/health")
				.contains(HealthController.class.getName() + "#health()");
			assertThat(failure.action()).contains("plugboard.plugins.internal-health.enabled: false");
		});
	}

	@Test
	void routeClashIsFoundWhenOnlyTheVariableNamesDiffer() {
		this.contextRunner.withUserConfiguration(OrderRoutes.class, OrderController.class)
			.run((context) -> assertThat(routeClash(context).description()).contains("plugin 'order-export'")
				.contains("GET /orders/{id}/export")
				.contains("GET /orders/{orderId}/export"));
	}

	@Test
	void sameUrlWithOtherMethodsIsNoClash() {
		this.contextRunner.withUserConfiguration(HealthPostController.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(mvc(context).get().uri("/internal/health")).hasStatusOk();
			assertThat(mvc(context).post().uri("/internal/health")).hasStatusOk().bodyText().isEqualTo("posted");
		});
	}

	@Test
	void disabledPluginCannotClash() {
		this.contextRunner.withUserConfiguration(HealthController.class)
			.withPropertyValues("plugboard.plugins.internal-health.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(mvc(context).get().uri("/internal/health")).hasStatusOk()
					.bodyText()
					.isEqualTo("the application's own");
			});
	}

	@Test
	void routeClashBetweenTwoPluginsStopsTheBoot() {
		this.contextRunner.withUserConfiguration(RivalHealthRoutes.class).run((context) -> {
			ManifestException failure = routeClash(context);
			assertThat(failure.description()).contains("plugin 'internal-health'")
				.contains("plugin 'status-page'")
				.contains("GET /internal/health");
			assertThat(failure.action()).contains("plugboard.plugins.internal-health.enabled: false")
				.contains("plugboard.plugins.status-page.enabled: false");
		});
	}

	@Test
	void routeClashWithAnApplicationRouterFunctionStopsTheBoot() {
		this.contextRunner.withUserConfiguration(ApplicationRouterFunction.class)
			.run((context) -> assertThat(routeClash(context).description()).contains("plugin 'internal-health'")
				.contains("router function bean 'healthRouterFunction'"));
	}

	private static ManifestException routeClash(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).isInstanceOf(ManifestException.class);
		ManifestException failure = (ManifestException) context.getStartupFailure();
		assertThat(failure.problem()).isEqualTo(Problem.ROUTE_CLASH);
		return failure;
	}

	private static MockMvcTester mvc(AssertableWebApplicationContext context) {
		return MockMvcTester.from(context);
	}

	private static RoutesPlugin routesPlugin(String id, RouterFunction<ServerResponse> routes) {
		return new RoutesPlugin() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public RouterFunction<ServerResponse> routes() {
				return routes;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class HealthRoutes {

		@Bean
		RoutesPlugin internalHealthPlugin() {
			return routesPlugin("internal-health",
					RouterFunctions.route()
						.GET("/internal/health", (request) -> ServerResponse.ok().body("up"))
						.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RivalHealthRoutes {

		@Bean
		RoutesPlugin statusPagePlugin() {
			return routesPlugin("status-page",
					RouterFunctions.route()
						.path("/internal",
								(builder) -> builder.GET("/health", (request) -> ServerResponse.ok().body("fine")))
						.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderRoutes {

		@Bean
		RoutesPlugin orderExportPlugin() {
			return routesPlugin("order-export",
					RouterFunctions.route()
						.GET("/orders/{id}/export", (request) -> ServerResponse.ok().body("csv"))
						.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationRouterFunction {

		@Bean
		RouterFunction<ServerResponse> healthRouterFunction() {
			return RouterFunctions.route()
				.route(RequestPredicates.path("/internal/health"), (request) -> ServerResponse.ok().body("mine"))
				.build();
		}

	}

	@RestController
	static class HealthController {

		@GetMapping("/internal/health")
		String health() {
			return "the application's own";
		}

	}

	@RestController
	static class HealthPostController {

		@PostMapping("/internal/health")
		String health() {
			return "posted";
		}

	}

	@RestController
	static class OrderController {

		@GetMapping("/orders/{orderId}/export")
		String export() {
			return "the application's export";
		}

	}

}
