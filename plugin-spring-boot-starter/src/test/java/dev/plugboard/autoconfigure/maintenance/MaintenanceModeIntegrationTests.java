package dev.plugboard.autoconfigure.maintenance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code maintenance-mode} built-in over real HTTP: switched on and off through the
 * actuator endpoint without a restart, with allowed paths and roles still served.
 */
@SpringBootTest(classes = MaintenanceTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=maintenance",
				"plugboard.plugins.maintenance-mode.retry-after=120",
				"plugboard.plugins.maintenance-mode.allowed-paths=/actuator/**,/status",
				"plugboard.plugins.maintenance-mode.allowed-roles=OPERATOR" })
class MaintenanceModeIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@AfterEach
	void switchOff() throws Exception {
		toggle(false);
	}

	@Test
	void offAtStartupSoRequestsAreServed() throws Exception {
		assertThat(send(request("/api/orders")).statusCode()).isEqualTo(200);
		HttpResponse<String> state = send(request("/actuator/maintenance"));
		assertThat(state.statusCode()).isEqualTo(200);
		assertThat(state.body()).contains("\"active\":false").contains("\"retryAfterSeconds\":120");
	}

	@Test
	void switchedOnThroughTheActuatorEveryRequestGets503WithRetryAfter() throws Exception {
		HttpResponse<String> switched = toggle(true);
		assertThat(switched.statusCode()).isEqualTo(200);
		assertThat(switched.body()).contains("\"active\":true");
		HttpResponse<String> refused = send(request("/api/orders"));
		BuiltInTesting.assertProblem(refused, 503, "maintenance-mode");
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("120");
		assertThat(refused.body()).contains("\"code\":\"maintenance\"").contains("\"title\":\"Service Unavailable\"");
		assertThat(send(request("/api/orders").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(503);
		assertThat(send(request("/unknown")).statusCode()).isEqualTo(503);
	}

	@Test
	void allowedPathsAndRolesAreServedDuringMaintenance() throws Exception {
		toggle(true);
		assertThat(send(request("/status")).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/maintenance")).body()).contains("\"active\":true");
		assertThat(send(request("/api/orders").header("X-Operator-Key", "operator-secret")).statusCode())
			.isEqualTo(200);
		assertThat(send(request("/api/orders").header("X-Operator-Key", "guess")).statusCode()).isEqualTo(503);
	}

	@Test
	void switchedOffAgainRequestsAreServedWithoutRestart() throws Exception {
		toggle(true);
		assertThat(send(request("/api/orders")).statusCode()).isEqualTo(503);
		assertThat(toggle(false).body()).contains("\"active\":false");
		assertThat(send(request("/api/orders")).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> toggle(boolean active) throws IOException, InterruptedException {
		return send(request("/actuator/maintenance").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"active\":" + active + "}")));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
