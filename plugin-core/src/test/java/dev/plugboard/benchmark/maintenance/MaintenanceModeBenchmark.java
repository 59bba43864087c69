package dev.plugboard.benchmark.maintenance;

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
import dev.plugboard.builtin.maintenance.MaintenanceConfig;
import dev.plugboard.builtin.maintenance.MaintenanceModePlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * One request through the dispatcher with the {@code maintenance-mode} plugin, against
 * the same request with no plugin ({@code baseline}): with maintenance off (every
 * request's cost: one volatile read), and on for a request to an allowed path (a path
 * match). Run with {@code -prof gc} to see the allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaintenanceModeBenchmark {

	@Param({ "off", "on-allowed-path" })
	public String state;

	private PluginRuntime baseline;

	private PluginRuntime maintenance;

	private DeferredExecutor deferred;

	private MockHttpServletRequest servletRequest;

	@Setup(Level.Trial)
	public void setUp() {
		this.deferred = new DeferredExecutor(1, 1);
		this.baseline = new PluginRuntime(PluginRegistry.builder(Map.of()).build(), HookObserver.NONE, this.deferred);
		boolean on = !"off".equals(this.state);
		MaintenanceModePlugin plugin = new MaintenanceModePlugin(MaintenanceConfig.defaults().withActive(on));
		this.maintenance = new PluginRuntime(
				PluginRegistry.builder(Map.of()).add(plugin, PluginSource.BUILT_IN).build(), HookObserver.NONE,
				this.deferred);
		this.servletRequest = new MockHttpServletRequest("GET", on ? "/actuator/health" : "/orders");
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
	public RequestContext maintenance() {
		RequestContext context = new ServletRequestContext(this.servletRequest, new MockHttpServletResponse());
		this.maintenance.beforeRequest(context);
		return context;
	}

}
