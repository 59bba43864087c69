package dev.plugboard.autoconfigure.tenantscope;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.tenantscope.Repositories.ProjectRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tenant-scope} built-in through the starter, over HTTP with a tenant header,
 * on real Spring Data JDBC repositories. Each subclass runs it against one database.
 */
@SpringBootTest(classes = TenantScopeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.sql.init.mode=always", "spring.sql.init.schema-locations=classpath:plugboard-tenant-scope/schema.sql",
		"plugboard.plugins.tenant-scope.aggregates=project", "plugboard.plugins.tenant-scope.admin-role=ADMIN" })
abstract class AbstractTenantScopeIntegrationTests {

	@Autowired
	private ProjectRepository projects;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void reset() {
		this.jdbc.update("DELETE FROM project");
	}

	@Test
	void postStampsTheRequestsTenantWhateverTheBodySays() {
		HttpResponse<String> response = send("POST", "/projects", "acme", null,
				"{\"name\":\"Apollo\",\"tenantId\":\"globex\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForList("SELECT tenant_id FROM project", String.class)).containsExactly("acme");
	}

	@Test
	void listsAndFindersReturnOnlyTheTenantsRows() {
		long apollo = insert("Apollo", "acme");
		long gemini = insert("Gemini", "globex");

		assertThat(names(send("GET", "/projects", "acme", null, null))).containsExactly("Apollo");
		assertThat(names(send("GET", "/projects", "globex", null, null))).containsExactly("Gemini");
		assertThat(send("GET", "/projects/" + gemini, "acme", null, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/projects/" + apollo, "acme", null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void putOfAnotherTenantsRowIsNotFoundAndTheRowIsUnchanged() {
		long gemini = insert("Gemini", "globex");

		HttpResponse<String> response = send("PUT", "/projects/" + gemini, "acme", null, "{\"name\":\"Mine\"}");

		BuiltInTesting.assertProblem(response, 404, "tenant-scope");
		assertThat(response.body()).contains("\"code\":\"not-found\"");
		assertThat(row(gemini)).containsEntry("name", "Gemini").containsEntry("tenant_id", "globex");
	}

	@Test
	void putOfTheTenantsOwnRowCannotMoveItToAnotherTenant() {
		long apollo = insert("Apollo", "acme");

		HttpResponse<String> response = send("PUT", "/projects/" + apollo, "acme", null,
				"{\"name\":\"Apollo 11\",\"tenantId\":\"globex\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(row(apollo)).containsEntry("name", "Apollo 11").containsEntry("tenant_id", "acme");
	}

	@Test
	void deleteOfAnotherTenantsRowIsNotFoundAndTheRowStays() {
		long gemini = insert("Gemini", "globex");

		HttpResponse<String> response = send("DELETE", "/projects/" + gemini, "acme", null, null);

		BuiltInTesting.assertProblem(response, 404, "tenant-scope");
		assertThat(row(gemini)).containsEntry("name", "Gemini");
		assertThat(send("DELETE", "/projects/" + gemini, "globex", null, null).statusCode()).isEqualTo(204);
		assertThat(this.projects.count()).isZero();
	}

	@Test
	void requestWithoutATenantIsA400AndNothingIsWritten() {
		insert("Gemini", "globex");

		HttpResponse<String> read = send("GET", "/projects", null, null, null);
		HttpResponse<String> write = send("POST", "/projects", null, null, "{\"name\":\"Nobody's\"}");

		BuiltInTesting.assertProblem(read, 400, "tenant-scope");
		assertThat(read.body()).contains("\"code\":\"tenant-required\"");
		BuiltInTesting.assertProblem(write, 400, "tenant-scope");
		assertThat(this.projects.count()).isOne();
	}

	@Test
	void adminWithoutATenantSeesEveryTenantAndOtherRolesDoNot() {
		insert("Apollo", "acme");
		insert("Gemini", "globex");

		assertThat(names(send("GET", "/projects", null, "ADMIN", null))).containsExactlyInAnyOrder("Apollo", "Gemini");
		BuiltInTesting.assertProblem(send("GET", "/projects", null, "USER", null), 400, "tenant-scope");
		assertThat(names(send("GET", "/projects", "acme", "ADMIN", null))).containsExactly("Apollo");
	}

	@Test
	void workOutsideARequestIsUnscoped() {
		insert("Apollo", "acme");
		insert("Gemini", "globex");

		assertThat(this.projects.findAll()).extracting(Project::name).containsExactlyInAnyOrder("Apollo", "Gemini");
	}

	private long insert(String name, String tenant) {
		return this.projects.save(new Project(null, name, tenant)).id();
	}

	private Map<String, Object> row(long id) {
		Map<String, Object> row = new java.util.HashMap<>();
		this.jdbc.queryForMap("SELECT name, tenant_id FROM project WHERE id = ?", id)
			.forEach((key, value) -> row.put(key.toLowerCase(java.util.Locale.ROOT), value));
		return row;
	}

	private static List<String> names(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Map<String, Object>> projects = JsonMapper.builder()
			.build()
			.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {
			});
		return projects.stream().map((project) -> (String) project.get("name")).toList();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String tenant, @Nullable String roles,
			@Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (tenant != null) {
			request.header("X-Tenant-Id", tenant);
		}
		if (roles != null) {
			request.header("X-Roles", roles);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
