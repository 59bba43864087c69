package dev.plugboard.test;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.Forbidden;
import dev.plugboard.RequestContext;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Serving a request with a route plugin's routes through
 * {@link PluginHarness#route(TestRequest)}.
 */
class RouteHarnessTests {

	private final PluginHarness harness = PluginHarness.of(new GreetingPlugin());

	@Test
	void matchingRouteAnswers() {
		RouteResult result = this.harness.route(TestRequest.get("/greetings/ada"));

		assertThat(result.matched()).isTrue();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.contentType()).startsWith("text/plain");
		assertThat(result.header("Cache-Control")).isEqualTo("no-store");
		assertThat(result.body()).isEqualTo("Hello, ada");
	}

	@Test
	void requestNoRouteMatchesIsA404() {
		RouteResult result = this.harness.route(TestRequest.post("/greetings/ada"));

		assertThat(result.matched()).isFalse();
		assertThat(result.status()).isEqualTo(404);
	}

	@Test
	void rejectionInAHandlerIsAnsweredAndAttributedToThePlugin() {
		RouteResult result = this.harness.route(TestRequest.get("/greetings/admin"));

		assertThat(result.status()).isEqualTo(403);
		assertThat(result.rejection()).isInstanceOf(Forbidden.class);
		assertThat(result.rejection().plugin()).isEqualTo("greeting");
		assertThat(result.body()).contains("\"plugin\":\"greeting\"", "\"status\":403");
	}

	@Test
	void faultInAHandlerBecomesAPluginFault() {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> this.harness.route(TestRequest.get("/greetings/null")))
			.satisfies((fault) -> assertThat(fault.pluginId()).isEqualTo("greeting"));
		assertThat(this.harness.faults()).isOne();
	}

	@Test
	void pluginWithoutRoutesIsRefusedWithAClearMessage() {
		PluginHarness harness = PluginHarness.of(new NoRoutesPlugin());

		assertThatIllegalStateException().isThrownBy(() -> harness.route(TestRequest.get("/")))
			.withMessageContaining("has no routes hook");
	}

	/**
	 * Greets by name at {@code GET /greetings/{name}}.
	 */
	static final class GreetingPlugin implements RoutesPlugin {

		@Override
		public String id() {
			return "greeting";
		}

		@Override
		public RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/greetings/{name}", (request) -> {
				String name = request.pathVariable("name");
				if (name.equals("admin")) {
					throw new Forbidden("Administrators are not greeted");
				}
				if (name.equals("null")) {
					throw new IllegalStateException("greeting table missing");
				}
				return ServerResponse.ok()
					.contentType(MediaType.TEXT_PLAIN)
					.header("Cache-Control", "no-store")
					.body("Hello, " + name);
			}).build();
		}

	}

	static final class NoRoutesPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "no-routes";
		}

		@Override
		public void beforeRequest(RequestContext request) {
		}

	}

}
