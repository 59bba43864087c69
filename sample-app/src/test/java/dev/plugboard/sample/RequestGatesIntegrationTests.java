package dev.plugboard.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's rate-limit and ip-filter as its {@code application.yml} configures them.
 * The extra property gives this class a context (and so buckets) of its own, so that
 * using up the strict actuator limit here never starves the other suites.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.test.context=request-gates")
class RequestGatesIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private PluginRegistry registry;

	@Test
	void bothGatesAreOn() {
		assertThat(this.registry.enabled()).extracting(RegisteredPlugin::id).contains("rate-limit", "ip-filter");
	}

	@Test
	void actuatorAdmitsThirtyRequestsAMinuteThenAnswers429WithRateLimitHeaders() throws Exception {
		int admitted = 0;
		HttpResponse<String> response = null;
		for (int i = 0; i < 40; i++) {
			response = get("/actuator/health", null);
			if (response.statusCode() != 200) {
				break;
			}
			assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"actuator\";q=30;w=60");
			admitted++;
		}
		assertThat(admitted).isEqualTo(30);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"plugin\":\"rate-limit\"").contains("\"code\":\"rate-limited\"");
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
		assertThat(response.headers().firstValue("RateLimit"))
			.hasValueSatisfying((value) -> assertThat(value).matches("\"actuator\";r=0;t=\\d+"));
		HttpResponse<String> users = get("/users", null);
		assertThat(users.statusCode()).isEqualTo(200);
		assertThat(users.headers().firstValue("RateLimit-Policy")).hasValue("\"everything\";q=1000000;w=1");
	}

	@Test
	void documentationRangesAreRefusedOnTheActuatorOnly() throws Exception {
		HttpResponse<String> refused = get("/actuator/plugins", "192.0.2.7");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("\"plugin\":\"ip-filter\"").contains("\"code\":\"ip-denied\"");
		assertThat(get("/users", "2001:db8::1").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String forwardedFor) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
