package dev.plugboard.autoconfigure.validation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.ValidationFailed;
import dev.plugboard.runtime.PluginRegistry;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.assertProblem;
import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.errors;
import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code validation} built-in through the starter, configured by a YAML manifest, on
 * real Spring Data JDBC repositories, with Hibernate Validator on the classpath. Each
 * subclass runs it against one database.
 */
@SpringBootTest(classes = ValidationTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=classpath:plugboard-validation/manifest.yml",
				"spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-validation/schema.sql" })
abstract class AbstractValidationIntegrationTests {

	@Autowired
	private MemberRepository members;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PluginRegistry registry;

	@LocalServerPort
	private int port;

	@BeforeEach
	void clean() {
		this.jdbc.update("DELETE FROM member");
		this.jdbc.update("DELETE FROM product");
	}

	@Test
	void pluginIsABuiltInInTheValidationSlot() {
		assertThat(this.registry.enabled()).singleElement().satisfies((plugin) -> {
			assertThat(plugin.id()).isEqualTo("validation");
			assertThat(plugin.order()).isEqualTo(800);
		});
	}

	@Test
	void invalidPostAnswers400WithEveryFailingFieldAndStoresNothing() {
		HttpResponse<String> response = send("POST", url("/members"),
				"{\"name\":\"A\",\"email\":\"not-an-email\",\"status\":\"gone\",\"age\":12}");

		assertProblem(response, 400, "validation");
		assertThat(response.body()).contains("\"code\":\"validation-failed\"")
			.contains("\"detail\":\"4 fields are invalid\"");
		assertThat(errors(response))
			.extracting((error) -> error.get("field"), (error) -> error.get("code"), (error) -> error.get("message"))
			.containsExactly(tuple("name", "length", "name must be between 2 and 50 characters long"),
					tuple("email", "email", "email must be a well-formed email address"),
					tuple("status", "one-of", "status must be one of active, blocked"),
					tuple("age", "min", "age must be 18 or more to join"));
		assertThat(count("member")).isZero();
	}

	@Test
	void missingFieldsAreEachRequired() {
		HttpResponse<String> response = send("POST", url("/members"), "{\"name\":\"  \"}");

		assertProblem(response, 400, "validation");
		assertThat(errors(response)).extracting((error) -> error.get("field"), (error) -> error.get("code"))
			.containsExactly(tuple("name", "required"), tuple("email", "required"));
	}

	@Test
	void validPostIsStored() {
		HttpResponse<String> response = send("POST", url("/members"),
				"{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"status\":\"active\",\"age\":36}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT name FROM member WHERE email = 'ada@example.com'", String.class))
			.isEqualTo("Ada");
	}

	@Test
	void takenEmailIsRefusedOnInsertAndOnAnUpdateOfAnotherRowButNotOfItsOwn() {
		Member ada = this.members.save(new Member(null, "Ada", "ada@example.com", "active", 36));
		Member grace = this.members.save(new Member(null, "Grace", "grace@example.com", "active", 45));

		HttpResponse<String> insert = send("POST", url("/members"),
				"{\"name\":\"Ada Two\",\"email\":\"ada@example.com\"}");
		assertProblem(insert, 400, "validation");
		assertThat(errors(insert)).singleElement()
			.isEqualTo(Map.of("field", "email", "code", "unique", "message", "email is already taken"));

		HttpResponse<String> keepOwn = send("PUT", url("/members/" + ada.id()),
				"{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"status\":\"active\",\"age\":36}");
		assertThat(keepOwn.statusCode()).as(keepOwn.body()).isEqualTo(200);

		HttpResponse<String> takeOthers = send("PUT", url("/members/" + grace.id()),
				"{\"name\":\"Grace\",\"email\":\"ada@example.com\",\"status\":\"active\",\"age\":45}");
		assertProblem(takeOthers, 400, "validation");
		assertThat(this.jdbc.queryForObject("SELECT email FROM member WHERE id = ?", String.class, grace.id()))
			.isEqualTo("grace@example.com");
		assertThat(count("member")).isEqualTo(2);
	}

	@Test
	void invalidUpdateLeavesTheRowUnchanged() {
		Member ada = this.members.save(new Member(null, "Ada", "ada@example.com", "active", 36));

		HttpResponse<String> response = send("PUT", url("/members/" + ada.id()),
				"{\"name\":\"\",\"email\":\"ada@example.com\",\"status\":\"blocked\",\"age\":3}");

		assertProblem(response, 400, "validation");
		assertThat(errors(response)).extracting((error) -> error.get("field")).containsExactly("name", "age");
		assertThat(this.jdbc.queryForMap("SELECT name, status, age FROM member WHERE id = ?", ada.id()))
			.containsValues("Ada", "active", 36);
	}

	@Test
	void beanValidationAnnotationsAndACustomRuleAreReportedTogether() {
		HttpResponse<String> response = send("POST", url("/products"),
				"{\"name\":\" \",\"sku\":\"XYZ-1\",\"price\":-1}");

		assertProblem(response, 400, "validation");
		assertThat(errors(response))
			.extracting((error) -> error.get("field"), (error) -> error.get("code"), (error) -> error.get("message"))
			.containsExactly(tuple("sku", "sku-format", "sku must look like SKU-123"),
					tuple("name", "not-blank", "name must not be blank"),
					tuple("price", "positive-or-zero", "price must be greater than or equal to 0"));
		assertThat(count("product")).isZero();
		assertThat(send("POST", url("/products"), "{\"name\":\"Tea\",\"sku\":\"SKU-1\",\"price\":3}").statusCode())
			.isEqualTo(200);
		assertThat(count("product")).isOne();
	}

	@Test
	void rejectionThroughTheRepositoryCarriesEveryViolation() {
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> this.members.save(new Member(null, null, null, "gone", null)))
			.satisfies((rejection) -> {
				assertThat(rejection.plugin()).isEqualTo("validation");
				assertThat(rejection.violations()).extracting(ValidationFailed.Violation::code)
					.isEqualTo(List.of("required", "required", "one-of"));
			});
		assertThat(count("member")).isZero();
	}

	private int count(String table) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
		return (count != null) ? count : 0;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
