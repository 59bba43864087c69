package dev.plugboard.sample;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code immutable-fields}, {@code soft-delete} and {@code tenant-scope}
 * entries over real HTTP, driven by its {@code application.yml}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "plugboard.plugins.slack-notifier.enabled=false")
@AutoConfigureRestTestClient
class ScopePluginsIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void orderCannotMoveToAnotherUser() {
		long ada = createUser("Ada");
		long grace = createUser("Grace");
		Order order = this.client.post()
			.uri("/orders")
			.body(Map.of("userId", ada, "product", "Tea", "quantity", 2))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(order).isNotNull();

		this.client.put()
			.uri("/orders/{id}", order.id())
			.body(Map.of("userId", grace, "product", "Tea", "quantity", 3))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("immutable-fields")
			.jsonPath("$.code")
			.isEqualTo("validation-failed")
			.jsonPath("$.errors[0].field")
			.isEqualTo("userId")
			.jsonPath("$.errors[0].code")
			.isEqualTo("immutable");

		assertThat(this.jdbc.queryForMap("SELECT user_id, quantity FROM \"orders\" WHERE id = ?", order.id()))
			.containsEntry("USER_ID", ada)
			.containsEntry("QUANTITY", 2);
		this.client.put()
			.uri("/orders/{id}", order.id())
			.body(Map.of("userId", ada, "product", "Tea", "quantity", 3))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void deletedReviewIsHiddenButItsRowIsKept() {
		Review review = this.client.post()
			.uri("/reviews")
			.body(Map.of("product", "Tea", "text", "Smoky, strong, lovely."))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Review.class)
			.returnResult()
			.getResponseBody();
		assertThat(review).isNotNull();

		this.client.delete().uri("/reviews/{id}", review.id()).exchange().expectStatus().isNoContent();

		this.client.get().uri("/reviews/{id}", review.id()).exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/reviews")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + review.id() + ")]")
			.doesNotExist();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM \"reviews\" WHERE id = ? AND deleted_at IS NOT NULL",
				Integer.class, review.id()))
			.isOne();
		this.client.delete().uri("/reviews/{id}", review.id()).exchange().expectStatus().isNoContent();
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM \"reviews\" WHERE id = ?", Integer.class, review.id()))
			.isOne();
	}

	@Test
	void notesStayWithTheirTenant() {
		Note note = this.client.post()
			.uri("/notes")
			.header("X-Tenant-Id", "acme")
			.body(Map.of("text", "Ship on Friday"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Note.class)
			.returnResult()
			.getResponseBody();
		assertThat(note).isNotNull();
		assertThat(note.tenantId()).isEqualTo("acme");

		this.client.get()
			.uri("/notes")
			.header("X-Tenant-Id", "globex")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + note.id() + ")]")
			.doesNotExist();
		this.client.get()
			.uri("/notes/{id}", note.id())
			.header("X-Tenant-Id", "globex")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.put()
			.uri("/notes/{id}", note.id())
			.header("X-Tenant-Id", "globex")
			.body(Map.of("text", "Cancelled"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("tenant-scope");
		this.client.delete()
			.uri("/notes/{id}", note.id())
			.header("X-Tenant-Id", "globex")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/notes")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("tenant-scope")
			.jsonPath("$.code")
			.isEqualTo("tenant-required");

		assertThat(this.jdbc.queryForMap("SELECT tenant_id, text FROM \"notes\" WHERE id = ?", note.id()))
			.containsEntry("TENANT_ID", "acme")
			.containsEntry("TEXT", "Ship on Friday");
		this.client.get()
			.uri("/notes/{id}", note.id())
			.header("X-Tenant-Id", "acme")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.text")
			.isEqualTo("Ship on Friday");
	}

	long createUser(String name) {
		User user = this.client.post()
			.uri("/users")
			.body(Map.of("name", name, "email", name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(user).isNotNull();
		return user.id();
	}

}
