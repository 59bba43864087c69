package dev.plugboard.benchmark.ipfilter;

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

import dev.plugboard.RequestContext;
import dev.plugboard.builtin.ipfilter.IpFilterConfig;
import dev.plugboard.builtin.ipfilter.IpFilterPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * A request through the dispatcher with the {@code ip-filter} plugin admitting it,
 * against the same dispatch with no plugin ({@code none}). {@code deny-list} checks a
 * ten-range deny list on every path; {@code path-pattern} adds an allow rule on another
 * path, so the path is parsed and matched; {@code trusted-proxy} also resolves the client
 * from {@code X-Forwarded-For}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IpFilterBenchmark {

	private static final List<String> DENY = List.of("192.0.2.0/24", "203.0.113.0/24", "10.66.0.0/16", "172.16.0.0/12",
			"2001:db8::/32", "100.64.0.0/10", "192.168.66.0/24", "fd00::/8", "198.18.0.0/15", "169.254.0.0/16");

	@Param({ "none", "deny-list", "path-pattern", "trusted-proxy" })
	public String plugin;

	private PluginRuntime runtime;

	private DeferredExecutor deferred;

	private RequestContext context;

	@Setup(Level.Trial)
	public void setUp() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		if (!"none".equals(this.plugin)) {
			List<IpFilterConfig.WrittenRule> rules = "path-pattern".equals(this.plugin)
					? List.of(new IpFilterConfig.WrittenRule(List.of("/admin/**"), List.of("10.0.0.0/8"), List.of()),
							new IpFilterConfig.WrittenRule(List.of("/**"), List.of(), DENY))
					: List.of(new IpFilterConfig.WrittenRule(List.of("/**"), List.of(), DENY));
			List<String> proxies = "trusted-proxy".equals(this.plugin) ? List.of("10.0.0.0/8") : List.of();
			builder.add(new IpFilterPlugin(IpFilterConfig.of(rules, proxies)), PluginSource.BUILT_IN);
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
		this.deferred.shutdown(Duration.ZERO);
	}

	@Benchmark
	public RequestContext beforeRequest() {
		this.runtime.beforeRequest(this.context);
		return this.context;
	}

}
