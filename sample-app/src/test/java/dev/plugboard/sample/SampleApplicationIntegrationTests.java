package dev.plugboard.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample exactly as its {@code application.yml} configures it: H2, both plugins
 * enabled, no Slack URL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationIntegrationTests {

	@Autowired
	RestTestClient client;

	@Test
	void newUserIsLoggedWhenNoSlackUrlIsSet(CapturedOutput output) {
		String email = SampleFlowIntegrationTests.unique("alan") + "@example.com";
		User created = this.client.post()
			.uri("/users")
			.body(Map.of("name", "Alan", "email", email))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output)
				.contains("Plugin 'slack-notifier' has no url; message: {\"text\":\"New user *Alan* <" + email
						+ "> (id " + created.id() + ")\"}"));
	}

	@Test
	void internalHealthListsEveryPluginWithItsState() {
		this.client.get()
			.uri("/internal/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.plugins[*].id")
			.isEqualTo(List.of("computed", "validation", "internal-health", "slack-notifier"))
			.jsonPath("$.plugins[0].order")
			.isEqualTo(750)
			.jsonPath("$.plugins[0].hooks")
			.isEqualTo(List.of("before-write"))
			.jsonPath("$.plugins[0].source")
			.isEqualTo("built-in")
			.jsonPath("$.plugins[1].order")
			.isEqualTo(800)
			.jsonPath("$.plugins[1].hooks")
			.isEqualTo(List.of("before-write"))
			.jsonPath("$.plugins[1].source")
			.isEqualTo("built-in")
			.jsonPath("$.plugins[2].enabled")
			.isEqualTo(true)
			.jsonPath("$.plugins[2].order")
			.isEqualTo(1000)
			.jsonPath("$.plugins[2].hooks")
			.isEqualTo(List.of("routes"))
			.jsonPath("$.plugins[2].source")
			.isEqualTo("application")
			.jsonPath("$.plugins[2].faults")
			.isEqualTo(0)
			.jsonPath("$.plugins[3].enabled")
			.isEqualTo(true)
			.jsonPath("$.plugins[3].order")
			.isEqualTo(1100)
			.jsonPath("$.plugins[3].hooks")
			.isEqualTo(List.of("after-write"))
			.jsonPath("$.plugins[3].entities")
			.isEqualTo(List.of("users"));
	}

	@Test
	void missingFieldsAndUnknownIdsAreClearAnswers() {
		this.client.post()
			.uri("/users")
			.body(Map.of("name", "Nobody"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("email is required");
		this.client.get().uri("/users/{id}", 999_999).exchange().expectStatus().isNotFound();
		this.client.post()
			.uri("/orders")
			.body(Map.of("userId", 999_999, "product", "Tea", "quantity", 1))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void takenEmailIsRefusedByTheValidationPlugin() {
		Map<String, String> body = Map.of("name", "Kathleen", "email",
				SampleFlowIntegrationTests.unique("kathleen") + "@example.com");
		this.client.post().uri("/users").body(body).exchange().expectStatus().isCreated();
		this.client.post()
			.uri("/users")
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("email")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unique");
	}

	@Test
	void actuatorExposesHealth() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void actuatorPluginsEndpointReportsBothPluginsAndTheHealthRoute() {
		this.client.get()
			.uri("/actuator/plugins")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.plugins[*].id")
			.isEqualTo(List.of("computed", "validation", "internal-health", "slack-notifier"))
			.jsonPath("$.plugins[?(@.id == 'internal-health')].routes[0].path")
			.isEqualTo(List.of("/internal/health"))
			.jsonPath("$.plugins[?(@.id == 'internal-health')].routes[0].methods")
			.isEqualTo(List.of(List.of("GET")))
			.jsonPath("$.plugins[?(@.id == 'slack-notifier')].entities")
			.isEqualTo(List.of(List.of("users")));
	}

}
