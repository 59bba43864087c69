package dev.plugboard.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's audit log over real HTTP, as its {@code application.yml} configures it: a
 * user's writes leave rows with the caller and the changed fields, the chain verifies,
 * and the routes refuse callers without the {@code AUDITOR} role. The caller is set by
 * the sample's demo-only header plugin.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AuditLogSampleIntegrationTests {

	@Autowired
	RestTestClient client;

	@Test
	void writesOfAUserAreAuditedWithTheCallerAndTheChainVerifies() {
		String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		User created = this.client.post()
			.uri("/users")
			.header("X-Demo-User", "ada")
			.body(Map.of("name", "Ada", "email", email))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();
		this.client.put()
			.uri("/users/{id}", created.id())
			.header("X-Demo-User", "ada")
			.body(Map.of("name", "Ada Lovelace", "email", email))
			.exchange()
			.expectStatus()
			.isOk();

		this.client.get()
			.uri("/audit-log?entity=users&id={id}", created.id())
			.header("X-Demo-User", "auditor")
			.header("X-Demo-Roles", "AUDITOR")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(2)
			.jsonPath("$.items[*].op")
			.isEqualTo(List.of("INSERT", "UPDATE"))
			.jsonPath("$.items[*].principal")
			.isEqualTo(List.of("ada", "ada"))
			.jsonPath("$.items[1].changes.name")
			.isEqualTo(Map.of("old", "Ada", "new", "Ada Lovelace"));

		this.client.get()
			.uri("/audit-log/verify")
			.header("X-Demo-User", "auditor")
			.header("X-Demo-Roles", "AUDITOR")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.intact")
			.isEqualTo(true);
	}

	@Test
	void routesRefuseAnonymousCallersAndCallersWithoutTheRole() {
		this.client.get()
			.uri("/audit-log/verify")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("audit-log");
		this.client.get()
			.uri("/audit-log")
			.header("X-Demo-User", "bob")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("role-required");
	}

	@Test
	void auditLogIsListedAsABuiltInRecordingLast() {
		this.client.get()
			.uri("/internal/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.plugins[?(@.id == 'audit-log')].order")
			.isEqualTo(List.of(1100))
			.jsonPath("$.plugins[?(@.id == 'audit-log')].hooks")
			.isEqualTo(List.of(List.of("before-write", "after-write", "routes")))
			.jsonPath("$.plugins[?(@.id == 'audit-log')].entities")
			.isEqualTo(List.of(List.of("orders", "users")));
	}

}
