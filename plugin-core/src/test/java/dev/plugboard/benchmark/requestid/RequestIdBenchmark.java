package dev.plugboard.benchmark.requestid;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.benchmark.BenchmarkRuntimes;
import dev.plugboard.benchmark.BenchmarkRuntimes.Application;
import dev.plugboard.builtin.requestid.RequestIdPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.PluginRuntime;

/**
 * The {@code request-id} built-in through the dispatcher, as the filter runs it, against
 * the same request with no plugin: an incoming id kept, and one generated. Run with
 * {@code -prof gc}: keeping an id should allocate only the context; generating one adds
 * the id string.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestIdBenchmark {

	private DeferredExecutor deferred;

	private PluginRuntime baseline;

	private PluginRuntime requestId;

	private MockHttpServletRequest withId;

	private MockHttpServletRequest withoutId;

	private MockHttpServletResponse response;

	@Setup(Level.Trial)
	public void setUp() {
		this.deferred = new DeferredExecutor(1, 1);
		this.baseline = BenchmarkRuntimes.of(this.deferred);
		this.requestId = BenchmarkRuntimes.of(this.deferred, new RequestIdPlugin());
		this.withId = new MockHttpServletRequest("GET", "/orders");
		this.withId.addHeader("X-Request-Id", "9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b");
		this.withoutId = new MockHttpServletRequest("GET", "/orders");
		this.response = new MockHttpServletResponse();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(Duration.ZERO);
	}

	@Benchmark
	public HttpServletRequest baseline() throws IOException {
		return BenchmarkRuntimes.serve(this.baseline, this.withId, this.response, Application.NONE);
	}

	@Benchmark
	public HttpServletRequest incomingIdKept() throws IOException {
		return BenchmarkRuntimes.serve(this.requestId, this.withId, this.response, Application.NONE);
	}

	@Benchmark
	public HttpServletRequest idGenerated() throws IOException {
		return BenchmarkRuntimes.serve(this.requestId, this.withoutId, this.response, Application.NONE);
	}

}
