package dev.plugboard.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The sample's {@code cors}, {@code csrf} and {@code maintenance-mode} entries as its
 * {@code application.yml} sets them: a development front end allowed, the JSON API
 * untouched by CSRF (no session cookie), and maintenance switched on and off through the
 * actuator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RequestGuardsIntegrationTests {

	private static final String FRONT_END = "http://localhost:5173";

	@Autowired
	RestTestClient client;

	@AfterEach
	void maintenanceOff() {
		switchMaintenance(false);
	}

	@Test
	void theThreePluginsAreListedInTheirSlots() {
		this.client.get()
			.uri("/internal/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath(plugin("cors", "order"))
			.isEqualTo(List.of(200))
			.jsonPath(plugin("csrf", "order"))
			.isEqualTo(List.of(300))
			.jsonPath(plugin("maintenance-mode", "order"))
			.isEqualTo(List.of(550))
			.jsonPath(plugin("maintenance-mode", "enabled"))
			.isEqualTo(List.of(true));
	}

	@Test
	void developmentFrontEndMayCallTheApiWithCredentials() {
		this.client.options()
			.uri("/users")
			.header("Origin", FRONT_END)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", FRONT_END)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Credentials", "true");
		this.client.get()
			.uri("/users")
			.header("Origin", FRONT_END)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", FRONT_END);
	}

	@Test
	void otherOriginsGetNoCorsHeadersAndTheirPreflightIsRefused() {
		this.client.options()
			.uri("/users")
			.header("Origin", "https://elsewhere.example.com")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("cors")
			.jsonPath("$.code")
			.isEqualTo("cors.origin");
	}

	@Test
	void jsonApiWithoutSessionCookieIsNotCheckedForCsrf() {
		this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Mary", "email", SampleFlowIntegrationTests.unique("mary") + "@example.com"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void writeWithSessionCookieButNoTokenIsRefused() {
		this.client.method(HttpMethod.POST)
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Cookie", "JSESSIONID=browser-session")
			.body(Map.of("name", "Eve", "email", SampleFlowIntegrationTests.unique("eve") + "@example.com"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("csrf")
			.jsonPath("$.code")
			.isEqualTo("csrf.token-missing");
	}

	@Test
	void developmentFrontEndWritesWithTheIssuedToken() {
		List<String> cookies = this.client.get()
			.uri("/users")
			.header("Cookie", "JSESSIONID=browser-session")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseHeaders()
			.get("Set-Cookie");
		String token = cookies.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.map((cookie) -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Origin", FRONT_END)
			.header("Sec-Fetch-Site", "same-site")
			.header("Cookie", "JSESSIONID=browser-session; XSRF-TOKEN=" + token)
			.header("X-XSRF-TOKEN", token)
			.body(Map.of("name", "Grace", "email", SampleFlowIntegrationTests.unique("grace") + "@example.com"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", FRONT_END);
	}

	@Test
	void maintenanceIsSwitchedOnAndOffWithoutRestart() {
		this.client.get().uri("/users").exchange().expectStatus().isOk();
		switchMaintenance(true).expectBody().jsonPath("$.active").isEqualTo(true);
		this.client.get()
			.uri("/users")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "600")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("maintenance-mode")
			.jsonPath("$.code")
			.isEqualTo("maintenance");
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		switchMaintenance(false).expectBody().jsonPath("$.active").isEqualTo(false);
		this.client.get().uri("/users").exchange().expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec switchMaintenance(boolean active) {
		return this.client.post()
			.uri("/actuator/maintenance")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("active", active))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String plugin(String id, String member) {
		return "$.plugins[?(@.id == '" + id + "')]." + member;
	}

}
