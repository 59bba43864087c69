package dev.plugboard.runtime.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
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
import dev.plugboard.PayloadTooLarge;
import dev.plugboard.RateLimited;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.PluginRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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

	@Test
	void chainContinuesWithTheResponseAPluginWrapped() throws Exception {
		filter(Runtimes.of(plugin("stamp", (request) -> request.wrapResponse(Stamped::new)))).doFilter(this.request,
				this.response, this.chain);
		assertThat(this.chain.getResponse()).isInstanceOf(Stamped.class);
	}

	@Test
	void requestWrappersNestLastOutermost() throws Exception {
		filter(Runtimes.of(plugin("first", (request) -> request.wrapRequest((r) -> new Named(r, "first"))),
				plugin("second", (request) -> request.wrapRequest((r) -> new Named(r, "second")))))
			.doFilter(this.request, this.response, this.chain);
		Named outer = (Named) this.chain.getRequest();
		assertThat(outer.name).isEqualTo("second");
		assertThat(((Named) outer.getRequest()).name).isEqualTo("first");
	}

	@Test
	void laterRejectionIsWrittenThroughTheWrappedResponse() throws Exception {
		filter(Runtimes.of(plugin("stamp", (request) -> request.wrapResponse(Stamped::new)), plugin("throttle", (r) -> {
			throw new RateLimited(7);
		}))).doFilter(this.request, this.response, this.chain);
		assertThat(this.response.getStatus()).isEqualTo(429);
		assertThat(this.response.getHeader("X-Stamped")).isEqualTo("yes");
	}

	@Test
	void completionCallbacksRunAfterTheChainLastRegisteredFirst() throws Exception {
		List<String> events = new ArrayList<>();
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse resp) {
				events.add("application");
			}
		});
		filter(Runtimes.of(plugin("one", (request) -> request.onComplete(() -> events.add("one"))),
				plugin("two", (request) -> {
					request.onComplete(() -> events.add("two"));
					request.onComplete(() -> {
						throw new IllegalStateException("broken callback");
					});
				})))
			.doFilter(this.request, this.response, chain);
		assertThat(events).containsExactly("application", "two", "one");
	}

	@Test
	void completionCallbacksRunWhenALaterPluginRejectsOrTheApplicationThrows() throws Exception {
		List<String> events = new ArrayList<>();
		filter(Runtimes.of(plugin("mdc", (request) -> request.onComplete(() -> events.add("cleared"))),
				plugin("throttle", (request) -> {
					throw new RateLimited(7);
				})))
			.doFilter(this.request, this.response, this.chain);
		assertThat(events).containsExactly("cleared");
		MockFilterChain failing = new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse resp) {
				throw new IllegalStateException("application failure");
			}
		});
		assertThatIllegalStateException().isThrownBy(() -> filter(
				Runtimes.of(plugin("mdc", (request) -> request.onComplete(() -> events.add("cleared again")))))
			.doFilter(new MockHttpServletRequest("GET", "/orders"), new MockHttpServletResponse(), failing));
		assertThat(events).containsExactly("cleared", "cleared again");
	}

	@Test
	void rejectionEscapingTheChainIsAnsweredWithItsProblem() throws Exception {
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse resp) {
				throw new PayloadTooLarge(10).attributeTo("body-limit");
			}
		});
		filter(Runtimes.of(plugin("noop", (request) -> {
		}))).doFilter(this.request, this.response, chain);
		assertThat(this.response.getStatus()).isEqualTo(413);
		assertThat(this.response.getContentAsString()).contains("\"plugin\":\"body-limit\"")
			.contains("\"code\":\"payload-too-large\"");
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

	static final class Stamped extends HttpServletResponseWrapper {

		Stamped(HttpServletResponse response) {
			super(response);
			response.setHeader("X-Stamped", "yes");
		}

	}

	static final class Named extends HttpServletRequestWrapper {

		final String name;

		Named(HttpServletRequest request, String name) {
			super(request);
			this.name = name;
		}

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
