package dev.plugboard.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with Spring's problem details off and Boot's error page told to reveal
 * everything: rejections and faults never reach the error page, so nothing of the cause
 * leaks.
 */
@SpringBootTest(classes = Orders.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.error.include-stacktrace=always", "server.error.include-exception=true",
				"server.error.include-message=always" })
class PluginExceptionErrorPageIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void controllerRejectionIsAProblemRatherThanTheErrorPage() throws Exception {
		HttpResponse<String> response = send(post("/orders?email=taken@example.com"));
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"email-taken\"")
			.contains("\"plugin\":\"unique-email\"")
			.doesNotContain("\"timestamp\"")
			.doesNotContain("\"trace\"");
	}

	@Test
	void controllerFaultRevealsNothingEvenWhenTheErrorPageWould() throws Exception {
		HttpResponse<String> response = send(post("/orders?email=boom@example.com"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"plugin\":\"unique-email\"")
			.contains("\"correlationId\"")
			.doesNotContain("\"trace\"")
			.doesNotContain("\"exception\"")
			.doesNotContain("IllegalStateException")
			.doesNotContain("jdbc:postgresql");
	}

	@Test
	void routeFaultRevealsNothingAndTheRouteKeepsServing() throws Exception {
		HttpResponse<String> fault = send(post("/hooks/crash").header("X-Signature", "good"));
		assertThat(fault.statusCode()).isEqualTo(500);
		assertThat(fault.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(fault.body()).contains("\"plugin\":\"webhooks\"")
			.doesNotContain("\"trace\"")
			.doesNotContain("secret payload");
		HttpResponse<String> next = send(post("/hooks/github").header("X-Signature", "good"));
		assertThat(next.statusCode()).isEqualTo(202);
		assertThat(next.body()).isEqualTo("accepted github");
	}

	@Test
	void applicationFailuresStillGoToTheErrorPage() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/nowhere")).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"timestamp\"").doesNotContain("\"plugin\"");
	}

	private HttpRequest.Builder post(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
