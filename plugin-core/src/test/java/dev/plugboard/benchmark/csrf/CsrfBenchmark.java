package dev.plugboard.benchmark.csrf;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.RequestContext;
import dev.plugboard.builtin.csrf.CsrfConfig;
import dev.plugboard.builtin.csrf.CsrfPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * One request through the dispatcher with the {@code csrf} plugin, against the same
 * request with no plugin ({@code baseline}): an API request without cookies (the plugin
 * only looks for the {@code Cookie} header), a page load with a session and a valid token
 * cookie (one HMAC to check the cookie), and a {@code POST} with a session and the token
 * (one HMAC and two constant-time comparisons). Run with {@code -prof gc} to see the
 * allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsrfBenchmark {

	@Param({ "no-cookie", "session-get", "session-post" })
	public String request;

	private PluginRuntime baseline;

	private PluginRuntime csrf;

	private DeferredExecutor deferred;

	private MockHttpServletRequest servletRequest;

	@Setup(Level.Trial)
	public void setUp() {
		this.deferred = new DeferredExecutor(1, 1);
		this.baseline = new PluginRuntime(PluginRegistry.builder(Map.of()).build(), HookObserver.NONE, this.deferred);
		CsrfPlugin plugin = new CsrfPlugin(CsrfConfig.withSecret("benchmark-secret-0123456789abcdefghijklmnop"));
		this.csrf = new PluginRuntime(PluginRegistry.builder(Map.of()).add(plugin, PluginSource.BUILT_IN).build(),
				HookObserver.NONE, this.deferred);
		String token = plugin.tokenFor("session-1");
		this.servletRequest = switch (this.request) {
			case "no-cookie" -> new MockHttpServletRequest("POST", "/orders");
			case "session-get" -> withCookies(new MockHttpServletRequest("GET", "/orders"), token);
			default -> {
				MockHttpServletRequest post = withCookies(new MockHttpServletRequest("POST", "/orders"), token);
				post.addHeader("X-XSRF-TOKEN", token);
				yield post;
			}
		};
	}

	private static MockHttpServletRequest withCookies(MockHttpServletRequest request, String token) {
		request.addHeader("Cookie", "JSESSIONID=session-1; XSRF-TOKEN=" + token);
		return request;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(java.time.Duration.ZERO);
	}

	@Benchmark
	public RequestContext baseline() {
		RequestContext context = new ServletRequestContext(this.servletRequest, new MockHttpServletResponse());
		this.baseline.beforeRequest(context);
		return context;
	}

	@Benchmark
	public RequestContext csrf() {
		RequestContext context = new ServletRequestContext(this.servletRequest, new MockHttpServletResponse());
		this.csrf.beforeRequest(context);
		return context;
	}

}
