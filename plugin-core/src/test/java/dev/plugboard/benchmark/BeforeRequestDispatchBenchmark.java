package dev.plugboard.benchmark;

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

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * Before-request dispatch through 0, 1 and 10 no-op plugins, with metrics off and with
 * the sampled timer on. {@code dispatch} reuses one request context, so it measures the
 * dispatcher alone (run with {@code -prof gc} to see that it allocates nothing);
 * {@code request} also builds the per-request context, as the filter does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BeforeRequestDispatchBenchmark {

	@Param({ "0", "1", "10" })
	public int plugins;

	@Param({ "off", "sampled" })
	public String metrics;

	private PluginRuntime runtime;

	private DeferredExecutor deferred;

	private RequestContext context;

	private MockHttpServletRequest request;

	private MockHttpServletResponse response;

	@Setup(Level.Trial)
	public void setUp() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		for (int i = 0; i < this.plugins; i++) {
			builder.add(new NoOpPlugin("no-op-" + i), PluginSource.APPLICATION);
		}
		this.deferred = new DeferredExecutor(1, 1);
		HookObserver observer = "off".equals(this.metrics) ? HookObserver.NONE : new SampledObserver();
		this.runtime = new PluginRuntime(builder.build(), observer, this.deferred);
		this.request = new MockHttpServletRequest("GET", "/orders");
		this.response = new MockHttpServletResponse();
		this.context = new ServletRequestContext(this.request, this.response);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(java.time.Duration.ZERO);
	}

	@Benchmark
	public RequestContext dispatch() {
		this.runtime.beforeRequest(this.context);
		return this.context;
	}

	@Benchmark
	public RequestContext request() {
		RequestContext context = new ServletRequestContext(this.request, this.response);
		this.runtime.beforeRequest(context);
		return context;
	}

	static final class NoOpPlugin implements BeforeRequestPlugin {

		private final String id;

		NoOpPlugin(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public void beforeRequest(RequestContext request) {
		}

	}

	/**
	 * Stands in for the Micrometer observer: the cost measured is the runtime's sampling.
	 */
	static final class SampledObserver implements HookObserver {

		private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();

		@Override
		public int sampleInterval() {
			return 16;
		}

		@Override
		public void timed(RegisteredPlugin plugin, dev.plugboard.runtime.Hook hook, Outcome outcome, long nanos) {
			this.nanos.add(nanos);
		}

		@Override
		public void outcome(RegisteredPlugin plugin, dev.plugboard.runtime.Hook hook, Outcome outcome) {
		}

	}

}
