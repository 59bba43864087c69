package dev.plugboard.builtin.bodylimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.PayloadTooLarge;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.builtin.bodylimit.BodyLimitConfig.Limit;
import dev.plugboard.runtime.ServletRequestContext;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code body-limit} built-in: declared lengths through the harness, and bodies of
 * unknown length through the request it wraps.
 */
class BodyLimitPluginTests {

	private final BodyLimitPlugin plugin = new BodyLimitPlugin(
			new BodyLimitConfig(10, List.of(new Limit("/uploads/**", 100), new Limit("/ping", 0))));

	private final PluginHarness harness = PluginHarness.of(this.plugin);

	@Test
	void requestWithoutBodyPassesUnwrapped() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders"));
		assertThat(result.passed()).isTrue();
		assertThat(result.servletRequest()).isInstanceOf(MockHttpServletRequest.class);
	}

	@Test
	void declaredLengthWithinTheLimitPassesUnwrapped() {
		RequestResult result = this.harness
			.beforeRequest(TestRequest.post("/orders").body("application/json", "0123456789"));
		assertThat(result.passed()).isTrue();
		assertThat(result.servletRequest()).isInstanceOf(MockHttpServletRequest.class);
	}

	@Test
	void declaredLengthOverTheLimitIsA413ProblemBeforeTheBodyIsRead() {
		RequestResult result = this.harness
			.beforeRequest(TestRequest.post("/orders").body("application/json", "01234567890"));
		assertThat(result.status()).isEqualTo(413);
		assertThat(result.response().getContentType()).isEqualTo("application/problem+json");
		assertThat(result.body()).contains("\"code\":\"payload-too-large\"")
			.contains("\"plugin\":\"body-limit\"")
			.contains("\"limit\":10");
	}

	@Test
	void firstMatchingPathPatternDecides() {
		assertThat(this.harness.beforeRequest(TestRequest.post("/uploads/a/b").body("text/plain", "x".repeat(100)))
			.passed()).isTrue();
		RequestResult over = this.harness
			.beforeRequest(TestRequest.post("/uploads/a").body("text/plain", "x".repeat(101)));
		assertThat(over.status()).isEqualTo(413);
		assertThat(over.body()).contains("\"limit\":100");
		assertThat(this.harness.beforeRequest(TestRequest.post("/ping").body("text/plain", "x")).status())
			.isEqualTo(413);
	}

	@Test
	void bodyOfUnknownLengthWithinTheLimitReadsWhole() throws IOException {
		HttpServletRequest wrapped = chunked("/orders", "0123456789");
		try (InputStream in = wrapped.getInputStream()) {
			assertThat(in.readAllBytes()).hasSize(10);
		}
	}

	@Test
	void bodyOfUnknownLengthIsRefusedOnceItPassesTheLimit() throws IOException {
		InputStream in = chunked("/orders", "01234567890").getInputStream();
		byte[] buffer = new byte[4];
		assertThat(in.read(buffer)).isEqualTo(4);
		assertThat(in.read(buffer)).isEqualTo(4);
		assertThatExceptionOfType(PayloadTooLarge.class).isThrownBy(() -> in.read(buffer)).satisfies((ex) -> {
			assertThat(ex.limitBytes()).isEqualTo(10);
			assertThat(ex.plugin()).isEqualTo("body-limit");
		});
	}

	@Test
	void readerOfABodyOfUnknownLengthIsLimitedToo() throws IOException {
		Reader reader = chunked("/orders", "abcdefghijk").getReader();
		assertThatExceptionOfType(PayloadTooLarge.class).isThrownBy(() -> {
			while (reader.read() >= 0) {
				// read on
			}
		});
	}

	@Test
	void bodyOfUnknownLengthUsesThePathLimit() throws IOException {
		try (InputStream in = chunked("/uploads/big", "x".repeat(100)).getInputStream()) {
			assertThat(in.readAllBytes()).hasSize(100);
		}
	}

	@Test
	void unparsablePatternStopsTheBootNamingTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new BodyLimitPlugin(new BodyLimitConfig(10, List.of(new Limit("/a/{x", 1)))))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("limits[0].path"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new BodyLimitConfig(-1, List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("max-size"));
	}

	/**
	 * The request the application would see for a chunked body: no declared length.
	 */
	private HttpServletRequest chunked(String path, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.addHeader("Transfer-Encoding", "chunked");
		request.setContent(body.getBytes());
		ServletRequestContext context = new ServletRequestContext(request, new MockHttpServletResponse());
		this.plugin.beforeRequest(context);
		assertThat(context.servletRequest()).isNotSameAs(request);
		return context.servletRequest();
	}

}
