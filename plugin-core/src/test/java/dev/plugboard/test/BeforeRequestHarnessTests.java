package dev.plugboard.test;

import org.junit.jupiter.api.Test;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.Unauthorized;
import dev.plugboard.ValidationFailed;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Driving a before-request hook with {@link PluginHarness#beforeRequest(TestRequest)}.
 */
class BeforeRequestHarnessTests {

	private final PluginHarness harness = PluginHarness.of(new ApiKeyPlugin("s3cret"));

	@Test
	void requestWithTheRightKeyPassesAuthenticated() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders").header("X-Api-Key", "s3cret"));

		assertThat(result.passed()).isTrue();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.principal()).isNotNull().extracting("name").isEqualTo("api-client");
		assertThat(result.servletRequest().getUserPrincipal().getName()).isEqualTo("api-client");
		assertThat(result.attribute(ApiKeyPlugin.CLIENT_ATTRIBUTE)).isEqualTo("api-client");
	}

	@Test
	void requestWithoutKeyIsRejectedWithAProblemAttributedToThePlugin() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders"));

		assertThat(result.passed()).isFalse();
		assertThat(result.status()).isEqualTo(401);
		assertThat(result.header("WWW-Authenticate")).isEqualTo("ApiKey realm=\"orders\"");
		assertThat(result.rejection()).isInstanceOf(Unauthorized.class);
		assertThat(result.rejection().plugin()).isEqualTo("api-key");
		assertThat(result.response().getContentType()).isEqualTo("application/problem+json");
		assertThat(result.body()).contains("\"status\":401", "\"code\":\"unauthorized\"", "\"plugin\":\"api-key\"",
				"\"instance\":\"/orders\"");
	}

	@Test
	void rejectionKeepsHeadersSetBeforeIt() {
		PluginHarness harness = PluginHarness.of(new RequestIdPlugin());

		RequestResult result = harness.beforeRequest(TestRequest.get("/orders").header("X-Request-Id", "bad id!"));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.rejection().code()).isEqualTo("bad-request-id");
		assertThat(result.header("X-Request-Id")).isEqualTo("bad id!");
	}

	@Test
	void responseHeadersAndRequestIdSetByThePluginAreVisible() {
		PluginHarness harness = PluginHarness.of(new RequestIdPlugin());

		RequestResult result = harness.beforeRequest(TestRequest.get("/orders").header("X-Request-Id", "abc-123"));

		assertThat(result.passed()).isTrue();
		assertThat(result.requestId()).isEqualTo("abc-123");
		assertThat(result.header("X-Request-Id")).isEqualTo("abc-123");
	}

	@Test
	void respondAnswersTheRequestWithoutReachingTheApplication() {
		PluginHarness harness = PluginHarness.of(new PreflightPlugin());

		RequestResult result = harness
			.beforeRequest(TestRequest.options("/orders").header("Origin", "https://shop.example"));

		assertThat(result.responded()).isTrue();
		assertThat(result.passed()).isFalse();
		assertThat(result.status()).isEqualTo(204);
		assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
	}

	@Test
	void requestThePluginIgnoresPassesUntouched() {
		PluginHarness harness = PluginHarness.of(new PreflightPlugin());

		RequestResult result = harness.beforeRequest(TestRequest.get("/orders?page=2").remoteAddress("10.0.0.7"));

		assertThat(result.passed()).isTrue();
		assertThat(result.header("Access-Control-Allow-Origin")).isNull();
		assertThat(result.servletRequest().getRequestURI()).isEqualTo("/orders");
		assertThat(result.servletRequest().getParameter("page")).isEqualTo("2");
		assertThat(result.servletRequest().getRemoteAddr()).isEqualTo("10.0.0.7");
	}

	@Test
	void faultInAFailClosedPluginBecomesAPluginFault() {
		PluginHarness harness = PluginHarness.of(new BrokenPlugin()).withOnError(OnError.FAIL_CLOSED);

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.beforeRequest(TestRequest.get("/orders")))
			.satisfies((fault) -> assertThat(fault.pluginId()).isEqualTo("broken"))
			.havingCause()
			.withMessage("lookup table not loaded");
		assertThat(harness.faults()).isOne();
	}

	@Test
	void faultInAFailOpenPluginLetsTheRequestPassAndIsCounted() {
		PluginHarness harness = PluginHarness.of(new BrokenPlugin());

		RequestResult result = harness.beforeRequest(TestRequest.get("/orders"));

		assertThat(result.passed()).isTrue();
		assertThat(harness.faults()).isOne();
	}

	@Test
	void pluginWithoutTheHookIsRefusedWithAClearMessage() {
		PluginHarness harness = PluginHarness.of(new WriteOnlyPlugin());

		assertThatIllegalStateException().isThrownBy(() -> harness.beforeRequest(TestRequest.get("/")))
			.withMessageContaining("'write-only'")
			.withMessageContaining("has no before-request hook");
	}

	/**
	 * Authenticates requests carrying the right {@code X-Api-Key}.
	 */
	static final class ApiKeyPlugin implements BeforeRequestPlugin {

		static final String CLIENT_ATTRIBUTE = "api-key.client";

		private final String key;

		ApiKeyPlugin(String key) {
			this.key = key;
		}

		@Override
		public String id() {
			return "api-key";
		}

		@Override
		public int order() {
			return PluginOrder.AUTH;
		}

		@Override
		public OnError onError() {
			return OnError.FAIL_CLOSED;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			if (!this.key.equals(request.header("X-Api-Key"))) {
				throw new Unauthorized("ApiKey realm=\"orders\"", "A valid X-Api-Key header is required");
			}
			request.setPrincipal(() -> "api-client");
			request.setAttribute(CLIENT_ATTRIBUTE, "api-client");
		}

	}

	/**
	 * Echoes the caller's request id, refusing ids that are not safe tokens.
	 */
	static final class RequestIdPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "echo-request-id";
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String id = request.header("X-Request-Id");
			if (id != null) {
				request.setResponseHeader("X-Request-Id", id);
				if (!id.matches("[A-Za-z0-9-]{1,64}")) {
					throw new ValidationFailed("bad-request-id", "X-Request-Id must be a safe token");
				}
				request.setRequestId(id);
			}
		}

	}

	/**
	 * Answers CORS preflights itself.
	 */
	static final class PreflightPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "preflight";
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String origin = request.header("Origin");
			if ("OPTIONS".equals(request.method()) && origin != null) {
				request.setResponseHeader("Access-Control-Allow-Origin", origin);
				request.respond(204);
			}
		}

	}

	static final class BrokenPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "broken";
		}

		@Override
		public void beforeRequest(RequestContext request) {
			throw new IllegalStateException("lookup table not loaded");
		}

	}

	static final class WriteOnlyPlugin implements BeforeWritePlugin {

		@Override
		public String id() {
			return "write-only";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
		}

	}

}
