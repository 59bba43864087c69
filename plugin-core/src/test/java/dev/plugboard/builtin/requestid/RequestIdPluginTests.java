package dev.plugboard.builtin.requestid;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code request-id} built-in through the harness. Its MDC entry is tested in the
 * starter, where a real logging backend (Logback) keeps one.
 */
class RequestIdPluginTests {

	private final PluginHarness harness = PluginHarness.of(new RequestIdPlugin());

	@Test
	void safeIncomingIdIsKeptEchoedAndShared() {
		RequestResult result = this.harness
			.beforeRequest(TestRequest.get("/orders").header("X-Request-Id", "abc-123_DEF.9"));
		assertThat(result.passed()).isTrue();
		assertThat(result.requestId()).isEqualTo("abc-123_DEF.9");
		assertThat(result.header("X-Request-Id")).isEqualTo("abc-123_DEF.9");
	}

	@Test
	void missingIdIsGeneratedAs32HexDigits() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders"));
		assertThat(result.requestId()).matches("[0-9a-f]{32}");
		assertThat(result.header("X-Request-Id")).isEqualTo(result.requestId());
	}

	@Test
	void unsafeIncomingIdsAreReplaced() {
		for (String unsafe : new String[] { "", "has space", "line\nbreak", "quote\"", "caf\u00e9", "a/b",
				"x".repeat(65) }) {
			RequestResult result = this.harness.beforeRequest(TestRequest.get("/").header("X-Request-Id", unsafe));
			assertThat(result.requestId()).as(unsafe).matches("[0-9a-f]{32}");
			assertThat(result.header("X-Request-Id")).isEqualTo(result.requestId());
		}
	}

	@Test
	void idOfExactlyTheLongestLengthIsKept() {
		String longest = "a".repeat(64);
		assertThat(this.harness.beforeRequest(TestRequest.get("/").header("X-Request-Id", longest)).requestId())
			.isEqualTo(longest);
	}

	@Test
	void configuredHeaderAndLengthAreUsed() {
		PluginHarness harness = PluginHarness
			.of(new RequestIdPlugin(new RequestIdConfig("X-Correlation-Id", "cid", 8, true)));
		RequestResult kept = harness.beforeRequest(TestRequest.get("/").header("X-Correlation-Id", "12345678"));
		assertThat(kept.requestId()).isEqualTo("12345678");
		assertThat(kept.header("X-Correlation-Id")).isEqualTo("12345678");
		assertThat(kept.header("X-Request-Id")).isNull();
		RequestResult replaced = harness.beforeRequest(TestRequest.get("/").header("X-Correlation-Id", "123456789"));
		assertThat(replaced.requestId()).matches("[0-9a-f]{32}");
	}

	@Test
	void incomingIdIsIgnoredWhenNotAccepted() {
		PluginHarness harness = PluginHarness
			.of(new RequestIdPlugin(new RequestIdConfig("X-Request-Id", "requestId", 64, false)));
		RequestResult result = harness.beforeRequest(TestRequest.get("/").header("X-Request-Id", "client-chosen"));
		assertThat(result.requestId()).matches("[0-9a-f]{32}");
	}

	@Test
	void generatedIdsDiffer() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(RequestIdPlugin.generate());
		}
		assertThat(ids).hasSize(1000);
	}

	@Test
	void badConfigurationNamesTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new RequestIdConfig("X Request", "requestId", 64, true))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("header"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new RequestIdConfig("X-Request-Id", " ", 64, true))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("mdc-key"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new RequestIdConfig("X-Request-Id", "requestId", 0, true))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("max-length"));
	}

}
