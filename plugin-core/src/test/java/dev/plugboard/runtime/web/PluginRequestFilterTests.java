package dev.plugboard.runtime.web;

import java.security.Principal;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.OnError;
import dev.plugboard.RateLimited;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.PluginRuntime;

import static org.assertj.core.api.Assertions.assertThat;

class PluginRequestFilterTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void requestPassesStraightThroughWhenNoPluginHasABeforeRequestHook() throws Exception {
		AfterWritePlugin audit = new AfterWritePlugin() {

			@Override
			public String id() {
				return "audit";
			}

			@Override
			public void afterWrite(AfterWriteContext write) {
			}

		};
		filter(Runtimes.of(audit)).doFilter(this.request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isSameAs(this.request);
		assertThat(this.request.getAttribute(RequestContext.ATTRIBUTE)).isNull();
	}

	@Test
	void contextIsStoredOnTheRequestForWriteHooks() throws Exception {
		filter(Runtimes.of(plugin("noop", (request) -> {
		}))).doFilter(this.request, this.response, this.chain);
		assertThat(this.request.getAttribute(RequestContext.ATTRIBUTE)).isInstanceOf(RequestContext.class);
		assertThat(this.chain.getRequest()).isNotNull();
	}

	@Test
	void chainContinuesWithTheRequestAPluginWrapped() throws Exception {
		Principal alice = () -> "alice";
		filter(Runtimes.of(plugin("auth", (request) -> request.setPrincipal(alice)))).doFilter(this.request,
				this.response, this.chain);
		assertThat(((HttpServletRequest) this.chain.getRequest()).getUserPrincipal()).isSameAs(alice);
	}

	@Test
	void rejectionIsAnsweredWithItsProblemAndTheChainStops() throws Exception {
		filter(Runtimes.of(plugin("throttle", (request) -> {
			throw new RateLimited(7);
		}))).doFilter(this.request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(429);
		assertThat(this.response.getHeader("Retry-After")).isEqualTo("7");
		assertThat(this.response.getContentType()).isEqualTo("application/problem+json");
		assertThat(this.response.getContentAsString()).contains("\"code\":\"rate-limited\"")
			.contains("\"plugin\":\"throttle\"")
			.contains("\"instance\":\"/orders\"");
	}

	@Test
	void headersSetBeforeARejectionAreKept() throws Exception {
		filter(Runtimes.of(plugin("cors", (request) -> request.setResponseHeader("Access-Control-Allow-Origin", "*")),
				plugin("throttle", (request) -> {
					throw new RateLimited(7);
				})))
			.doFilter(this.request, this.response, this.chain);
		assertThat(this.response.getStatus()).isEqualTo(429);
		assertThat(this.response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
	}

	@Test
	void respondAnswersTheRequestWithoutTheChain() throws Exception {
		filter(Runtimes.of(plugin("preflight", (request) -> request.respond(204)))).doFilter(this.request,
				this.response, this.chain);
		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(204);
	}

	@Test
	void faultOfAFailClosedPluginIsAnswered500WithoutTheCause() throws Exception {
		BeforeRequestPlugin gate = new FailingGate(OnError.FAIL_CLOSED);
		filter(Runtimes.of(gate)).doFilter(this.request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isNull();
		assertThat(this.response.getStatus()).isEqualTo(500);
		String requestId = ((RequestContext) this.request.getAttribute(RequestContext.ATTRIBUTE)).requestId();
		assertThat(this.response.getContentAsString()).contains("\"plugin\":\"gate\"")
			.contains("\"correlationId\":\"" + requestId + "\"")
			.doesNotContain("secret")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void faultOfAFailOpenPluginLetsTheRequestThrough() throws Exception {
		filter(Runtimes.of(new FailingGate(OnError.FAIL_OPEN))).doFilter(this.request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isNotNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void writeHooksFindTheFilterContextThroughTheRuntime() throws Exception {
		PluginRuntime runtime = Runtimes.of(plugin("tag", (request) -> request.setRequestId("req-1")));
		filter(runtime).doFilter(this.request, this.response, this.chain);
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes((HttpServletRequest) this.chain.getRequest(), this.response));
		try {
			RequestContext current = PluginRuntime.currentRequest();
			assertThat(current).isNotNull();
			assertThat(current.requestId()).isEqualTo("req-1");
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private static PluginRequestFilter filter(PluginRuntime runtime) throws Exception {
		PluginRequestFilter filter = new PluginRequestFilter(runtime);
		filter.afterPropertiesSet();
		return filter;
	}

	private static BeforeRequestPlugin plugin(String id, Consumer<RequestContext> hook) {
		return new BeforeRequestPlugin() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public void beforeRequest(RequestContext request) {
				hook.accept(request);
			}

		};
	}

	private record FailingGate(OnError onError) implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "gate";
		}

		@Override
		public void beforeRequest(RequestContext request) {
			throw new IllegalStateException("secret connection string");
		}

	}

}
