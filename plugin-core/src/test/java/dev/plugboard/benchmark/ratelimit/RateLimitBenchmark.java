package dev.plugboard.benchmark.ratelimit;

import java.time.Duration;
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

import dev.plugboard.OnError;
import dev.plugboard.RequestContext;
import dev.plugboard.TrustedProxies;
import dev.plugboard.builtin.ratelimit.RateLimitConfig;
import dev.plugboard.builtin.ratelimit.RateLimitPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * A request through the dispatcher with the {@code rate-limit} plugin (local backend,
 * limit never reached), against the same dispatch with no plugin ({@code none}).
 * {@code every-path} has one policy on {@code /**} keyed by client IP;
 * {@code path-pattern} puts a policy on another path first, so the path is parsed and
 * matched; {@code trusted-proxy} resolves the client from {@code X-Forwarded-For}. Run
 * with {@code -prof gc} to see the allocation per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateLimitBenchmark {

	@Param({ "none", "every-path", "path-pattern", "trusted-proxy" })
	public String plugin;

	private PluginRuntime runtime;

	private DeferredExecutor deferred;

	private RateLimitPlugin rateLimit;

	private RequestContext context;

	@Setup(Level.Trial)
	public void setUp() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		if (!"none".equals(this.plugin)) {
			RateLimitConfig.Policy everything = RateLimitConfig.Policy.of("policies[1]", "all", List.of("/**"),
					List.of(), RateLimitConfig.Key.IP, null, 100_000_000, 100_000_000, Duration.ofSeconds(1));
			List<RateLimitConfig.Policy> policies = "path-pattern".equals(this.plugin)
					? List.of(RateLimitConfig.Policy.of("policies[0]", "login", List.of("/login/**"), List.of(),
							RateLimitConfig.Key.IP, null, 5, 5, Duration.ofMinutes(1)), everything)
					: List.of(everything);
			TrustedProxies proxies = "trusted-proxy".equals(this.plugin) ? TrustedProxies.parse(List.of("10.0.0.0/8"))
					: TrustedProxies.none();
			this.rateLimit = new RateLimitPlugin(new RateLimitConfig(policies, proxies, OnError.FAIL_OPEN,
					RateLimitConfig.Backend.LOCAL, 100_000, new RateLimitConfig.Redis("redis://127.0.0.1:6379",
							"bench:", Duration.ofSeconds(1), Duration.ofSeconds(1))));
			builder.add(this.rateLimit, PluginSource.BUILT_IN);
		}
		this.deferred = new DeferredExecutor(1, 1);
		this.runtime = new PluginRuntime(builder.build(), HookObserver.NONE, this.deferred);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/42");
		if ("trusted-proxy".equals(this.plugin)) {
			request.setRemoteAddr("10.0.0.1");
			request.addHeader("X-Forwarded-For", "198.51.100.7, 10.0.0.2");
		}
		else {
			request.setRemoteAddr("198.51.100.7");
		}
		this.context = new ServletRequestContext(request, new MockHttpServletResponse());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.rateLimit != null) {
			this.rateLimit.close();
		}
		this.deferred.shutdown(Duration.ZERO);
	}

	@Benchmark
	public RequestContext beforeRequest() {
		this.runtime.beforeRequest(this.context);
		return this.context;
	}

}
