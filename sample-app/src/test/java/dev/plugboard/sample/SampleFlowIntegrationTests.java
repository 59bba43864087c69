package dev.plugboard.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.plugboard.sample.WebhookReceiver.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's main flows over real HTTP, driven by its {@code application.yml}, with
 * slack-notifier pointed at a local webhook receiver. Run against H2 and PostgreSQL by
 * the subclasses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "plugboard.plugins.slack-notifier.timeout=2m")
@AutoConfigureRestTestClient
abstract class SampleFlowIntegrationTests {

	/** What the slugify and timestamps built-ins fill in. */
	static final String[] GENERATED = { "slug", "createdAt", "updatedAt" };

	static final WebhookReceiver receiver = WebhookReceiver.start();

	@Autowired
	RestTestClient client;

	@DynamicPropertySource
	static void slackUrl(DynamicPropertyRegistry registry) {
		registry.add("plugboard.plugins.slack-notifier.url", receiver::url);
	}

	@AfterAll
	static void releaseReceiver() {
		receiver.release();
	}

	@Test
	void usersAreCreatedReadUpdatedListedAndDeleted() {
		String email = unique("grace") + "@example.com";
		User created = createUser("Grace", email);
		assertThat(created.id()).isNotNull();
		assertThat(created).usingRecursiveComparison()
			.ignoringFields(GENERATED)
			.isEqualTo(new User(created.id(), "Grace", email));

		this.client.get()
			.uri("/users/{id}", created.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(User.class)
			.isEqualTo(created);

		String newEmail = unique("grace.hopper") + "@example.com";
		User updated = this.client.put()
			.uri("/users/{id}", created.id())
			.body(Map.of("name", "Grace Hopper", "email", newEmail))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated).usingRecursiveComparison()
			.ignoringFields(GENERATED)
			.isEqualTo(new User(created.id(), "Grace Hopper", newEmail));

		assertThat(listUsers()).contains(updated);

		this.client.delete().uri("/users/{id}", created.id()).exchange().expectStatus().isNoContent();
		this.client.get().uri("/users/{id}", created.id()).exchange().expectStatus().isNotFound();
		assertThat(listUsers()).extracting(User::id).doesNotContain(created.id());
	}

	@Test
	void ordersAreCreatedReadUpdatedListedAndDeleted() {
		User user = createUser("Linus", unique("linus") + "@example.com");
		Order created = this.client.post()
			.uri("/orders")
			.body(Map.of("userId", user.id(), "product", "Keyboard", "quantity", 1, "unitPrice",
					new BigDecimal("49.90")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "/orders/\\d+")
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();
		assertThat(created).usingRecursiveComparison()
			.ignoringFields(GENERATED)
			.isEqualTo(new Order(created.id(), user.id(), "Keyboard", 1, new BigDecimal("49.90"),
					new BigDecimal("49.90")));

		this.client.get()
			.uri("/orders/{id}", created.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.isEqualTo(created);

		Order updated = this.client.put()
			.uri("/orders/{id}", created.id())
			.body(Map.of("userId", user.id(), "product", "Keyboard", "quantity", 3, "unitPrice",
					new BigDecimal("49.90")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated).usingRecursiveComparison()
			.ignoringFields(GENERATED)
			.isEqualTo(new Order(created.id(), user.id(), "Keyboard", 3, new BigDecimal("49.90"),
					new BigDecimal("149.70")));

		assertThat(listOrders("/orders")).contains(updated);
		assertThat(listOrders("/orders?userId=" + user.id())).containsExactly(updated);

		this.client.delete().uri("/users/{id}", user.id()).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);

		this.client.delete().uri("/orders/{id}", created.id()).exchange().expectStatus().isNoContent();
		this.client.get().uri("/orders/{id}", created.id()).exchange().expectStatus().isNotFound();
		this.client.delete().uri("/users/{id}", user.id()).exchange().expectStatus().isNoContent();
	}

	@Test
	void usersGetAUniqueSlugFromTheirNameThatStaysWhenTheNameChanges() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		User first = createUser("Zoë Straße " + token, unique("zoe") + "@example.com");
		User second = createUser("Zoe Strasse " + token.toUpperCase(Locale.ROOT), unique("zoe") + "@example.com");

		assertThat(first.slug()).isEqualTo("zoe-strasse-" + token);
		assertThat(second.slug()).isEqualTo("zoe-strasse-" + token + "-2");

		User renamed = this.client.put()
			.uri("/users/{id}", first.id())
			.body(Map.of("name", "Zoë Renamed", "email", first.email()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(renamed).isNotNull();
		assertThat(renamed.name()).isEqualTo("Zoë Renamed");
		assertThat(renamed.slug()).isEqualTo(first.slug());
		assertThat(getUser(first.id()).slug()).isEqualTo(first.slug());
	}

	@Test
	void usersAndOrdersGetTimestampsAndAnUpdateFromABodyKeepsTheCreatedTime() {
		User user = createUser("Barbara", unique("barbara") + "@example.com");
		assertThat(user.createdAt()).isNotNull().isEqualTo(user.updatedAt());

		this.client.put()
			.uri("/users/{id}", user.id())
			.body(Map.of("name", "Barbara Liskov", "email", user.email()))
			.exchange()
			.expectStatus()
			.isOk();
		User stored = getUser(user.id());
		assertThat(stored.createdAt()).isEqualTo(user.createdAt());
		assertThat(stored.updatedAt()).isAfterOrEqualTo(user.createdAt());

		Order order = this.client.post()
			.uri("/orders")
			.body(Map.of("userId", user.id(), "product", "Chalk", "quantity", 2))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(order).isNotNull();
		assertThat(order.createdAt()).isNotNull().isEqualTo(order.updatedAt());
		Order changed = this.client.put()
			.uri("/orders/{id}", order.id())
			.body(Map.of("userId", user.id(), "product", "Chalk", "quantity", 5))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(changed).isNotNull();
		assertThat(changed.createdAt()).isEqualTo(order.createdAt());
		assertThat(changed.updatedAt()).isAfterOrEqualTo(order.createdAt());
	}

	@Test
	void orderWithoutAUnitPriceHasNoTotalYet() {
		User user = createUser("Barbara", unique("barbara") + "@example.com");
		Order created = this.client.post()
			.uri("/orders")
			.body(Map.of("userId", user.id(), "product", "Tea", "quantity", 2))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();
		assertThat(created.total()).isNull();
		this.client.get()
			.uri("/orders/{id}", created.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEmpty();
	}

	@Test
	void invalidUserIsRefusedWithEveryFailingFieldAndNothingIsStored() {
		String email = unique("not-an-email");
		this.client.post()
			.uri("/users")
			.body(Map.of("name", " ", "email", email))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.plugin")
			.isEqualTo("validation")
			.jsonPath("$.code")
			.isEqualTo("validation-failed")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("name", "email"))
			.jsonPath("$.errors[*].code")
			.isEqualTo(List.of("required", "email"))
			.jsonPath("$.errors[*].message")
			.isEqualTo(List.of("name is required", "email must be a well-formed email address"));
		assertThat(listUsers()).extracting(User::email).doesNotContain(email);
	}

	@Test
	void invalidUpdateLeavesTheUserUnchanged() {
		User alan = createUser("Alan", unique("alan") + "@example.com");
		User kathleen = createUser("Kathleen", unique("kathleen") + "@example.com");

		this.client.put()
			.uri("/users/{id}", kathleen.id())
			.body(Map.of("name", "Kathleen Booth", "email", alan.email()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("unique")
			.jsonPath("$.errors[0].message")
			.isEqualTo("email is already taken");

		this.client.get()
			.uri("/users/{id}", kathleen.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(User.class)
			.isEqualTo(kathleen);
	}

	@Test
	void newUserIsPostedToSlackWithoutTheResponseWaitingForIt() throws InterruptedException {
		String email = unique("ada") + "@example.com";
		receiver.hold();
		try {
			User created = createUser("Ada", email);

			Delivery delivery = receiver.awaitDelivery(email);
			assertThat(receiver.answeredSinceHold()).as("the POST /users answer came before Slack's").isFalse();
			assertThat(delivery.method()).isEqualTo("POST");
			assertThat(delivery.contentType()).isEqualTo("application/json");
			assertThat(delivery.body())
				.isEqualTo("{\"text\":\"New user *Ada* <" + email + "> (id " + created.id() + ")\"}");
		}
		finally {
			receiver.release();
		}
	}

	@Test
	void updatesAndOrdersAreNotPostedToSlack() throws InterruptedException {
		User user = createUser("Edsger", unique("edsger") + "@example.com");
		receiver.awaitDelivery(user.email());
		this.client.put()
			.uri("/users/{id}", user.id())
			.body(Map.of("name", "Edsger W. Dijkstra", "email", user.email()))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post()
			.uri("/orders")
			.body(Map.of("userId", user.id(), "product", "Chalk", "quantity", 12))
			.exchange()
			.expectStatus()
			.isCreated();

		String marker = unique("barbara") + "@example.com";
		createUser("Barbara", marker);

		assertThat(receiver.awaitDeliveriesThrough(marker)).extracting(Delivery::body)
			.noneMatch((body) -> body.contains(user.email()));
	}

	User createUser(String name, String email) {
		User created = this.client.post()
			.uri("/users")
			.body(Map.of("name", name, "email", email))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "/users/\\d+")
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();
		return created;
	}

	User getUser(@Nullable Long id) {
		User user = this.client.get()
			.uri("/users/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
		assertThat(user).isNotNull();
		return user;
	}

	List<User> listUsers() {
		return this.client.get()
			.uri("/users")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<User>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	List<Order> listOrders(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Order>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
