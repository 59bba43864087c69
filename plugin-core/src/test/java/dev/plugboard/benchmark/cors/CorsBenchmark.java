package dev.plugboard.benchmark.cors;

import java.util.List;
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
import dev.plugboard.builtin.cors.CorsConfig;
import dev.plugboard.builtin.cors.CorsPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * One request through the dispatcher with the {@code cors} plugin, against the same
 * request with no plugin ({@code baseline}): a same-origin request without {@code Origin}
 * (the common case), an actual cross-origin request from an allowed origin, and a
 * preflight. Each invocation builds a fresh response and context, as the filter does, in
 * the baseline too. Run with {@code -prof gc} to see the allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CorsBenchmark {

	@Param({ "no-origin", "allowed", "preflight" })
	public String request;

	private PluginRuntime baseline;

	private PluginRuntime cors;

	private DeferredExecutor deferred;

	private MockHttpServletRequest servletRequest;

	@Setup(Level.Trial)
	public void setUp() {
		this.deferred = new DeferredExecutor(1, 1);
		this.baseline = new PluginRuntime(PluginRegistry.builder(Map.of()).build(), HookObserver.NONE, this.deferred);
		CorsConfig config = new CorsConfig(CorsConfig.Rule.defaults()
			.withAllowedOrigins(List.of("https://app.example.com"))
			.withAllowedMethods(List.of("GET", "POST", "PUT"))
			.withAllowCredentials(true), List.of());
		this.cors = new PluginRuntime(
				PluginRegistry.builder(Map.of()).add(new CorsPlugin(config), PluginSource.BUILT_IN).build(),
				HookObserver.NONE, this.deferred);
		this.servletRequest = switch (this.request) {
			case "no-origin" -> new MockHttpServletRequest("GET", "/orders");
			case "allowed" -> withOrigin(new MockHttpServletRequest("GET", "/orders"));
			default -> {
				MockHttpServletRequest preflight = withOrigin(new MockHttpServletRequest("OPTIONS", "/orders"));
				preflight.addHeader("Access-Control-Request-Method", "PUT");
				preflight.addHeader("Access-Control-Request-Headers", "content-type");
				yield preflight;
			}
		};
	}

	private static MockHttpServletRequest withOrigin(MockHttpServletRequest request) {
		request.addHeader("Origin", "https://app.example.com");
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
	public RequestContext cors() {
		RequestContext context = new ServletRequestContext(this.servletRequest, new MockHttpServletResponse());
		this.cors.beforeRequest(context);
		return context;
	}

}
