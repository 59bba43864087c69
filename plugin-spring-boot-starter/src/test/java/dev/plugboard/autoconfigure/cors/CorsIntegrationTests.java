package dev.plugboard.autoconfigure.cors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cors} built-in over real HTTP: preflights answered by the plugin, actual
 * requests with and without the CORS headers, and {@code Vary: Origin} on everything.
 */
@SpringBootTest(classes = CorsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.cors.allowed-origins=https://app.example.com",
				"plugboard.plugins.cors.allowed-methods=GET,PUT", "plugboard.plugins.cors.allow-credentials=true",
				"plugboard.plugins.cors.exposed-headers=X-Note-Id", "plugboard.plugins.cors.max-age=600",
				"plugboard.plugins.cors.mappings[0].paths=/api/public/**",
				"plugboard.plugins.cors.mappings[0].allowed-origins=*",
				"plugboard.plugins.cors.mappings[0].allow-credentials=false" })
class CorsIntegrationTests {

	private static final String APP = "https://app.example.com";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private CorsTestApplication.Exchanges exchanges;

	@BeforeEach
	void clear() {
		this.exchanges.clear();
	}

	@Test
	void preflightFromAllowedOriginIsAnswered204WithoutReachingTheApplication() throws Exception {
		HttpResponse<String> response = send(
				preflight("/api/notes", APP, "PUT").header("Access-Control-Request-Headers", "content-type"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,PUT");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
		assertThat(response.headers().allValues("Vary")).contains("Origin");
		assertThat(this.exchanges.reached).isEmpty();
	}

	@Test
	void preflightFromDisallowedOriginIs403ProblemWithoutCorsHeaders() throws Exception {
		HttpResponse<String> response = send(preflight("/api/notes", "https://evil.example.net", "PUT"));
		BuiltInTesting.assertProblem(response, 403, "cors");
		assertThat(response.body()).contains("\"code\":\"cors.origin\"").contains("\"title\":\"Forbidden\"");
		assertThat(response.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
		assertThat(response.headers().allValues("Vary")).contains("Origin");
		assertThat(this.exchanges.reached).isEmpty();
	}

	@Test
	void preflightForAMethodNotAllowedIs403NamingTheMethod() throws Exception {
		HttpResponse<String> response = send(preflight("/api/notes", APP, "DELETE"));
		BuiltInTesting.assertProblem(response, 403, "cors");
		assertThat(response.body()).contains("\"code\":\"cors.method\"");
	}

	@Test
	void actualRequestFromAllowedOriginCarriesTheHeaders() throws Exception {
		HttpResponse<String> response = send(request("/api/notes").header("Origin", APP)
			.header("Cookie", "note=abc")
			.PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-Note-Id");
		assertThat(this.exchanges.reached).containsExactly("PUT /api/notes");
	}

	@Test
	void actualRequestFromDisallowedOriginGetsNoCorsHeaders() throws Exception {
		HttpResponse<String> response = send(request("/api/profile").header("Origin", "https://evil.example.net"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
		assertThat(response.headers().allValues("Vary"))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
	}

	@Test
	void requestWithoutOriginCarriesVaryOrigin() throws Exception {
		HttpResponse<String> response = send(request("/api/profile"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Vary")).contains("Origin");
		assertThat(response.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
	}

	@Test
	void mappingOverridesTheTopLevelForItsPaths() throws Exception {
		HttpResponse<String> response = send(preflight("/api/public/news", "https://anyone.example.org", "GET"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	private HttpRequest.Builder preflight(String path, String origin, String method) {
		return request(path).header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
