package dev.plugboard.autoconfigure.bodylimit;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code body-limit} built-in over real HTTP: a declared length over the limit is
 * refused before the application runs, a chunked body when it passes the limit while
 * Spring MVC reads it, both as 413 problems; limits per path pattern.
 */
@SpringBootTest(classes = BodyLimitTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.body-limit.max-size=1KB",
				"plugboard.plugins.body-limit.limits[0].path=/uploads/**",
				"plugboard.plugins.body-limit.limits[0].max-size=16KB" })
class BodyLimitIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@BeforeEach
	void resetCalls() {
		BodyLimitTestApplication.BodyController.calls.set(0);
	}

	@Test
	void declaredLengthOverTheLimitIsA413BeforeTheApplicationRuns() throws Exception {
		HttpResponse<String> response = post("/text", BodyPublishers.ofString("x".repeat(1025)));
		BuiltInTesting.assertProblem(response, 413, "body-limit");
		assertThat(response.body()).contains("\"code\":\"payload-too-large\"").contains("\"limit\":1024");
		assertThat(BodyLimitTestApplication.BodyController.calls).hasValue(0);
	}

	@Test
	void declaredLengthAtTheLimitIsServed() throws Exception {
		HttpResponse<String> response = post("/text", BodyPublishers.ofString("x".repeat(1024)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("read 1024");
	}

	@Test
	void chunkedTextBodyOverTheLimitIsA413WhileItIsRead() throws Exception {
		HttpResponse<String> response = post("/text", chunked("x".repeat(8 * 1024)));
		BuiltInTesting.assertProblem(response, 413, "body-limit");
		assertThat(response.body()).contains("\"code\":\"payload-too-large\"");
		assertThat(BodyLimitTestApplication.BodyController.calls).hasValue(0);
	}

	@Test
	void chunkedJsonBodyOverTheLimitIsA413RatherThanA400() throws Exception {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < 200; i++) {
			json.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":\"value\"");
		}
		HttpResponse<String> response = post("/json", chunked(json.append('}').toString()));
		BuiltInTesting.assertProblem(response, 413, "body-limit");
		assertThat(BodyLimitTestApplication.BodyController.calls).hasValue(0);
	}

	@Test
	void chunkedBodyWithinTheLimitIsServed() throws Exception {
		HttpResponse<String> response = post("/json", chunked("{\"a\":1,\"b\":2}"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"fields\":2}");
	}

	@Test
	void pathPatternLimitApplies() throws Exception {
		HttpResponse<String> within = post("/uploads/text", chunked("x".repeat(10 * 1024)));
		assertThat(within.statusCode()).isEqualTo(200);
		assertThat(within.body()).isEqualTo("uploaded 10240");
		HttpResponse<String> over = post("/uploads/text", BodyPublishers.ofString("x".repeat(16 * 1024 + 1)));
		BuiltInTesting.assertProblem(over, 413, "body-limit");
		assertThat(over.body()).contains("\"limit\":16384");
	}

	private static BodyPublisher chunked(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
	}

	private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
		String type = path.contains("json") ? "application/json" : "text/plain";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", type)
			.POST(body)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
