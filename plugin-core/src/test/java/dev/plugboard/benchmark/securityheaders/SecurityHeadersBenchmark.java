package dev.plugboard.benchmark.securityheaders;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import dev.plugboard.builtin.securityheaders.SecurityHeadersConfig;
import dev.plugboard.builtin.securityheaders.SecurityHeadersPlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.PluginRuntime;

/**
 * The {@code security-headers} built-in through the dispatcher, as the filter runs it,
 * against the same request with no plugin: the application opens the body (which adds the
 * headers), then the request completes. Plain HTTP, and HTTPS through a trusted proxy
 * (one address parse more). The response is reset after each call, in the baseline too.
 * Run with {@code -prof gc}: the plugin should add one response wrapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SecurityHeadersBenchmark {

	private static final Application WRITES_BODY = (request, response) -> response.getOutputStream();

	private DeferredExecutor deferred;

	private PluginRuntime baseline;

	private PluginRuntime securityHeaders;

	private MockHttpServletRequest plain;

	private MockHttpServletRequest forwardedHttps;

	private MockHttpServletResponse response;

	@Setup(Level.Trial)
	public void setUp() {
		this.deferred = new DeferredExecutor(1, 1);
		this.baseline = BenchmarkRuntimes.of(this.deferred);
		SecurityHeadersConfig defaults = SecurityHeadersConfig.defaults();
		this.securityHeaders = BenchmarkRuntimes.of(this.deferred,
				new SecurityHeadersPlugin(new SecurityHeadersConfig(true, defaults.hstsMaxAge(), true, false, true,
						defaults.frameOptions(), "'self'", defaults.referrerPolicy(), "camera=()", "default-src 'self'",
						false, List.of("10.0.0.0/8"))));
		this.plain = new MockHttpServletRequest("GET", "/orders");
		this.forwardedHttps = new MockHttpServletRequest("GET", "/orders");
		this.forwardedHttps.setRemoteAddr("10.1.2.3");
		this.forwardedHttps.addHeader("X-Forwarded-Proto", "https");
		this.response = new MockHttpServletResponse();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(Duration.ZERO);
	}

	@Benchmark
	public Object baseline() throws IOException {
		return serve(this.baseline, this.plain);
	}

	@Benchmark
	public Object plainHttp() throws IOException {
		return serve(this.securityHeaders, this.plain);
	}

	@Benchmark
	public Object httpsThroughTrustedProxy() throws IOException {
		return serve(this.securityHeaders, this.forwardedHttps);
	}

	private Object serve(PluginRuntime runtime, MockHttpServletRequest request) throws IOException {
		Object seen = BenchmarkRuntimes.serve(runtime, request, this.response, WRITES_BODY);
		this.response.reset();
		return seen;
	}

}
