package dev.plugboard.benchmark.bodylimit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
import dev.plugboard.builtin.bodylimit.BodyLimitConfig;
import dev.plugboard.builtin.bodylimit.BodyLimitPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.PluginRuntime;

/**
 * The {@code body-limit} built-in through the dispatcher, as the filter runs it, against
 * the same request with no plugin: a GET without a body (the common case: two header
 * reads, nothing allocated beyond the context), a POST of declared length under a path
 * limit (one path parse), and a chunked POST (the request wrapped). Run with
 * {@code -prof gc} to see the allocation of each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BodyLimitBenchmark {

	private DeferredExecutor deferred;

	private PluginRuntime baseline;

	private PluginRuntime bodyLimit;

	private MockHttpServletRequest get;

	private MockHttpServletRequest post;

	private MockHttpServletRequest chunked;

	private MockHttpServletResponse response;

	@Setup(Level.Trial)
	public void setUp() {
		this.deferred = new DeferredExecutor(1, 1);
		this.baseline = BenchmarkRuntimes.of(this.deferred);
		this.bodyLimit = BenchmarkRuntimes.of(this.deferred, new BodyLimitPlugin(
				new BodyLimitConfig(1024 * 1024, List.of(new BodyLimitConfig.Limit("/uploads/**", 10 * 1024 * 1024)))));
		this.get = new MockHttpServletRequest("GET", "/orders");
		this.post = new MockHttpServletRequest("POST", "/orders/17/lines");
		this.post.setContent(new byte[512]);
		this.chunked = new MockHttpServletRequest("POST", "/orders") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		this.chunked.addHeader("Transfer-Encoding", "chunked");
		this.response = new MockHttpServletResponse();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(Duration.ZERO);
	}

	@Benchmark
	public HttpServletRequest baseline() throws IOException {
		return BenchmarkRuntimes.serve(this.baseline, this.get, this.response, Application.NONE);
	}

	@Benchmark
	public HttpServletRequest getWithoutBody() throws IOException {
		return BenchmarkRuntimes.serve(this.bodyLimit, this.get, this.response, Application.NONE);
	}

	@Benchmark
	public HttpServletRequest postWithDeclaredLength() throws IOException {
		return BenchmarkRuntimes.serve(this.bodyLimit, this.post, this.response, Application.NONE);
	}

	@Benchmark
	public HttpServletRequest chunkedPost() throws IOException {
		return BenchmarkRuntimes.serve(this.bodyLimit, this.chunked, this.response, Application.NONE);
	}

}
