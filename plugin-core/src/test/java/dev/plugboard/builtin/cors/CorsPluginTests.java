package dev.plugboard.builtin.cors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CorsPluginTests {

	private static final String APP = "https://app.example.com";

	private final PluginHarness harness = PluginHarness.of(new CorsPlugin(new CorsConfig(CorsConfig.Rule.defaults()
		.withAllowedOrigins(List.of(APP))
		.withAllowedOriginPatterns(List.of("https://*.preview.example.com"))
		.withAllowedMethods(List.of("GET", "POST", "DELETE"))
		.withExposedHeaders(List.of("X-Total-Count"))
		.withAllowCredentials(true)
		.withMaxAge(Duration.ofMinutes(10)), List.of())));

	@Test
	void requestWithoutOriginPassesWithVaryOrigin() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders"));
		assertThat(result.passed()).isTrue();
		assertThat(result.headers("Vary")).containsExactly("Origin");
		assertThat(result.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void preflightFromAllowedOriginIsAnsweredWith204AndTheHeaders() {
		RequestResult result = this.harness.beforeRequest(
				preflight(APP, "DELETE").header("Access-Control-Request-Headers", "content-type, x-xsrf-token"));
		assertThat(result.responded()).isTrue();
		assertThat(result.status()).isEqualTo(204);
		assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(result.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST,DELETE");
		assertThat(result.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-xsrf-token");
		assertThat(result.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(result.header("Access-Control-Max-Age")).isEqualTo("600");
		assertThat(result.headers("Vary")).contains("Origin");
	}

	@Test
	void originPatternsAreAllowed() {
		RequestResult result = this.harness.beforeRequest(preflight("https://pr-42.preview.example.com", "GET"));
		assertThat(result.status()).isEqualTo(204);
		assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("https://pr-42.preview.example.com");
	}

	@Test
	void preflightFromDisallowedOriginIsRefusedWithoutCorsHeaders() {
		RequestResult result = this.harness.beforeRequest(preflight("https://evil.example.net", "GET"));
		assertThat(result.status()).isEqualTo(403);
		assertThat(result.rejection().code()).isEqualTo("cors.origin");
		assertThat(result.rejection().plugin()).isEqualTo("cors");
		assertThat(result.body()).contains("\"code\":\"cors.origin\"");
		assertThat(result.header("Access-Control-Allow-Origin")).isNull();
		assertThat(result.headers("Vary")).contains("Origin");
	}

	@Test
	void preflightForDisallowedMethodIsRefusedNamingTheMethod() {
		RequestResult result = this.harness.beforeRequest(preflight(APP, "PATCH"));
		assertThat(result.status()).isEqualTo(403);
		assertThat(result.rejection().code()).isEqualTo("cors.method");
		assertThat(result.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void preflightForDisallowedHeadersIsRefusedNamingTheHeaders() {
		PluginHarness strict = PluginHarness.of(new CorsPlugin(new CorsConfig(
				CorsConfig.Rule.defaults().withAllowedOrigins(List.of(APP)).withAllowedHeaders(List.of("Content-Type")),
				List.of())));
		RequestResult result = strict
			.beforeRequest(preflight(APP, "POST").header("Access-Control-Request-Headers", "x-secret"));
		assertThat(result.status()).isEqualTo(403);
		assertThat(result.rejection().code()).isEqualTo("cors.headers");
	}

	@Test
	void actualRequestFromAllowedOriginPassesWithTheHeaders() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders").header("Origin", APP));
		assertThat(result.passed()).isTrue();
		assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(result.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(result.header("Access-Control-Expose-Headers")).isEqualTo("X-Total-Count");
		assertThat(result.header("Access-Control-Allow-Methods")).isNull();
	}

	@Test
	void actualRequestFromDisallowedOriginPassesWithoutCorsHeaders() {
		RequestResult result = this.harness
			.beforeRequest(TestRequest.get("/orders").header("Origin", "https://evil.example.net"));
		assertThat(result.passed()).isTrue();
		assertThat(result.response().getHeaderNames()).noneMatch((name) -> name.startsWith("Access-Control-"));
		assertThat(varyTokens(result.response())).contains("Origin");
	}

	@Test
	void mappingsOverrideTheDefaultsForTheirPathsAndOtherPathsAreLeftToTheApplication() {
		CorsConfig config = new CorsConfig(
				CorsConfig.Rule.defaults()
					.withAllowedOrigins(List.of(APP))
					.withAllowCredentials(true)
					.withPaths("/api/**"),
				List.of(CorsConfig.Rule.mapping("/api/public/**")
					.withAllowedOrigins(List.of("*"))
					.withAllowCredentials(false)));
		PluginHarness harness = PluginHarness.of(new CorsPlugin(config));
		RequestResult open = harness.beforeRequest(preflight("/api/public/news", "https://anyone.example.org", "GET"));
		assertThat(open.status()).isEqualTo(204);
		assertThat(open.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(open.header("Access-Control-Allow-Credentials")).isNull();
		RequestResult closed = harness.beforeRequest(preflight("/api/orders", "https://anyone.example.org", "GET"));
		assertThat(closed.status()).isEqualTo(403);
		RequestResult elsewhere = harness.beforeRequest(preflight("/other", "https://anyone.example.org", "GET"));
		assertThat(elsewhere.passed()).isTrue();
		assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
		assertThat(elsewhere.headers("Vary")).contains("Origin");
	}

	@Test
	void credentialsForEveryOriginAreRefusedNamingTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new CorsConfig(
					CorsConfig.Rule.defaults().withAllowedOrigins(List.of("*")).withAllowCredentials(true), List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("allow-credentials"));
	}

	@Test
	void originWithAPathIsRefusedNamingTheMappingKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new CorsConfig(CorsConfig.Rule.defaults().withAllowedOrigins(List.of(APP)),
					List.of(CorsConfig.Rule.mapping("/x/**").withAllowedOrigins(List.of("https://a.example.com/app")))))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("mappings[0].allowed-origins"));
	}

	@Test
	void configurationWithoutOriginsIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new CorsConfig(CorsConfig.Rule.defaults(), List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("allowed-origins"));
	}

	@ParameterizedTest
	@CsvSource({ "GET,https://app.example.com", "POST,https://app.example.com", "PUT,https://app.example.com",
			"GET,https://evil.example.net", "GET,https://pr-7.preview.example.com", "GET,http://localhost",
			"GET,http://localhost:80", "GET,http://localhost:8080", "GET,null", "GET,https://app.example.com:443",
			"GET,http://[bad" })
	void actualRequestsGetWhatSpringsProcessorGivesTheSecondTimeToo(String method, String origin) throws Exception {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(List.of(APP));
		configuration.setAllowedOriginPatterns(List.of("https://*.preview.example.com"));
		configuration.setAllowedMethods(List.of("GET", "POST", "DELETE"));
		configuration.setExposedHeaders(List.of("X-Total-Count"));
		configuration.setAllowCredentials(true);
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/orders");
		request.addHeader("Origin", origin);
		MockHttpServletResponse expected = new MockHttpServletResponse();
		new DefaultCorsProcessor().processRequest(configuration, request, expected);
		for (int i = 0; i < 2; i++) {
			RequestResult result = this.harness
				.beforeRequest(TestRequest.of(method, "/orders").header("Origin", origin));
			assertThat(result.passed()).isTrue();
			assertThat(corsHeaders(result.response())).isEqualTo(corsHeaders(expected));
			assertThat(varyTokens(result.response())).isEqualTo(varyTokens(expected));
		}
	}

	private static Map<String, List<String>> corsHeaders(MockHttpServletResponse response) {
		Map<String, List<String>> headers = new TreeMap<>();
		for (String name : response.getHeaderNames()) {
			if (name.startsWith("Access-Control-")) {
				headers.put(name, response.getHeaders(name));
			}
		}
		return headers;
	}

	private static Set<String> varyTokens(MockHttpServletResponse response) {
		Set<String> tokens = new TreeSet<>();
		for (String value : response.getHeaders("Vary")) {
			for (String token : value.split(",")) {
				tokens.add(token.trim());
			}
		}
		return tokens;
	}

	private static TestRequest preflight(String origin, String method) {
		return preflight("/orders", origin, method);
	}

	private static TestRequest preflight(String path, String origin, String method) {
		return TestRequest.options(path).header("Origin", origin).header("Access-Control-Request-Method", method);
	}

}
