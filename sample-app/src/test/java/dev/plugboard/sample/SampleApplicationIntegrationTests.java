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
			.value(List.class,
					(ids) -> assertThat(ids).containsSubsequence("demo-header-auth", "slugify", "timestamps",
							"computed", "validation", "internal-health", "stripe", "audit-log", "slack-notifier"))
			.jsonPath(plugin("slugify", "source"))
			.isEqualTo(List.of("built-in"))
			.jsonPath(plugin("slugify", "order"))
			.isEqualTo(List.of(700))
			.jsonPath(plugin("timestamps", "entities"))
			.isEqualTo(List.of(List.of("orders", "users")))
			.jsonPath(plugin("computed", "order"))
			.isEqualTo(List.of(750))
			.jsonPath(plugin("validation", "hooks"))
			.isEqualTo(List.of(List.of("before-write")))
			.jsonPath(plugin("internal-health", "enabled"))
			.isEqualTo(List.of(true))
			.jsonPath(plugin("internal-health", "order"))
			.isEqualTo(List.of(1000))
			.jsonPath(plugin("internal-health", "hooks"))
			.isEqualTo(List.of(List.of("routes")))
			.jsonPath(plugin("internal-health", "source"))
			.isEqualTo(List.of("application"))
			.jsonPath(plugin("internal-health", "faults"))
			.isEqualTo(List.of(0))
			.jsonPath(plugin("slack-notifier", "order"))
			.isEqualTo(List.of(1100))
			.jsonPath(plugin("slack-notifier", "hooks"))
			.isEqualTo(List.of(List.of("after-write")))
			.jsonPath(plugin("slack-notifier", "entities"))
			.isEqualTo(List.of(List.of("users")));
	}

	/**
	 * A JSON path to one member of the plugin with the given id, as a one-element list.
	 */
	private static String plugin(String id, String member) {
		return "$.plugins[?(@.id == '" + id + "')]." + member;
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
			.value(List.class,
					(ids) -> assertThat(ids).containsSubsequence("demo-header-auth", "slugify", "timestamps",
							"computed", "validation", "internal-health", "stripe", "audit-log", "slack-notifier"))
			.jsonPath(plugin("internal-health", "routes[0].path"))
			.isEqualTo(List.of("/internal/health"))
			.jsonPath(plugin("internal-health", "routes[0].methods"))
			.isEqualTo(List.of(List.of("GET")))
			.jsonPath(plugin("slack-notifier", "entities"))
			.isEqualTo(List.of(List.of("users")));
	}

}
