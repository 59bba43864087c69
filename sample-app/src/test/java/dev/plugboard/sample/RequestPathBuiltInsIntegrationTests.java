package dev.plugboard.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-path built-ins as the sample's {@code application.yml} turns them on:
 * {@code request-id}, {@code security-headers} and {@code body-limit}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RequestPathBuiltInsIntegrationTests {

	@Autowired
	RestTestClient client;

	@Test
	void callersRequestIdIsEchoed() {
		this.client.get()
			.uri("/users")
			.header("X-Request-Id", "sample-call-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "sample-call-1");
	}

	@Test
	void requestWithoutAnIdGetsOne() {
		this.client.get()
			.uri("/users")
			.exchange()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f]{32}"));
	}

	@Test
	void securityHeadersArePresent() {
		this.client.get()
			.uri("/users")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueEquals("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
			.expectHeader()
			.valueEquals("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void oversizedBodyIsA413ProblemAndNoUserIsCreated() {
		String name = "x".repeat(64 * 1024);
		this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"" + name + "\",\"email\":\"big@example.com\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("body-limit")
			.jsonPath("$.code")
			.isEqualTo("payload-too-large")
			.jsonPath("$.limit")
			.isEqualTo(65536);
		this.client.get()
			.uri("/users")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.email == 'big@example.com')]")
			.isEmpty();
	}

	@Test
	void theThreeAreListedWithTheirOrders() {
		this.client.get()
			.uri("/actuator/plugins")
			.exchange()
			.expectBody()
			.jsonPath(plugin("request-id", "order"))
			.isEqualTo(List.of(100))
			.jsonPath(plugin("security-headers", "order"))
			.isEqualTo(List.of(150))
			.jsonPath(plugin("body-limit", "order"))
			.isEqualTo(List.of(450))
			.jsonPath(plugin("body-limit", "source"))
			.isEqualTo(List.of("built-in"));
	}

	private static String plugin(String id, String member) {
		return "$.plugins[?(@.id == '" + id + "')]." + member;
	}

}
