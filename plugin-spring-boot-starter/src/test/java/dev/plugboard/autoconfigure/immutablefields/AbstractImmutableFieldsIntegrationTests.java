package dev.plugboard.autoconfigure.immutablefields;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.ValidationFailed;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.immutablefields.Repositories.AccountRepository;
import dev.plugboard.autoconfigure.immutablefields.Repositories.NoteRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code immutable-fields} built-in through the starter, on real Spring Data JDBC
 * repositories and over HTTP. Each subclass runs it against one database.
 */
@SpringBootTest(classes = ImmutableFieldsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-immutable-fields/schema.sql",
				"plugboard.plugins.immutable-fields.fields.account=email,ownerId" })
abstract class AbstractImmutableFieldsIntegrationTests {

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private NoteRepository notes;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void reset() {
		this.jdbc.update("DELETE FROM account");
		this.jdbc.update("DELETE FROM note");
	}

	@Test
	void putChangingAnImmutableFieldAnswers400NamingItAndLeavesTheRow() {
		long id = this.accounts.save(new Account(null, "ada@example.com", 7L, "Ada")).id();

		HttpResponse<String> response = BuiltInTesting.send("PUT", url("/accounts/" + id),
				"{\"email\":\"eve@example.com\",\"ownerId\":7,\"name\":\"Eve\"}");

		BuiltInTesting.assertProblem(response, 400, "immutable-fields");
		assertThat(response.body()).contains("\"code\":\"validation-failed\"");
		assertThat(BuiltInTesting.errors(response)).containsExactly(Map.of("field", "email", "code", "immutable",
				"message", "email cannot change once account is created"));
		assertThat(row(id)).containsEntry("email", "ada@example.com").containsEntry("name", "Ada");
	}

	@Test
	void putChangingBothImmutableFieldsNamesBoth() {
		long id = this.accounts.save(new Account(null, "ada@example.com", 7L, "Ada")).id();

		HttpResponse<String> response = BuiltInTesting.send("PUT", url("/accounts/" + id),
				"{\"email\":\"eve@example.com\",\"ownerId\":8,\"name\":\"Ada\"}");

		BuiltInTesting.assertProblem(response, 400, "immutable-fields");
		assertThat(BuiltInTesting.errors(response)).extracting((error) -> error.get("field"))
			.containsExactly("email", "ownerId");
		assertThat(row(id)).containsEntry("email", "ada@example.com");
		assertThat(((Number) row(id).get("owner_id")).longValue()).isEqualTo(7L);
	}

	@Test
	void putChangingOnlyMutableFieldsIsStored() {
		long id = this.accounts.save(new Account(null, "ada@example.com", 7L, "Ada")).id();

		HttpResponse<String> response = BuiltInTesting.send("PUT", url("/accounts/" + id),
				"{\"email\":\"ada@example.com\",\"ownerId\":7,\"name\":\"Ada Lovelace\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(row(id)).containsEntry("name", "Ada Lovelace");
	}

	@Test
	void repositorySaveChangingAnImmutableFieldThrowsAndStoresNothing() {
		Account saved = this.accounts.save(new Account(null, "ada@example.com", 7L, "Ada"));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> this.accounts.save(new Account(saved.id(), "ada@example.com", 9L, "Ada")))
			.satisfies((rejection) -> assertThat(rejection.plugin()).isEqualTo("immutable-fields"));
		assertThat(this.accounts.findById(saved.id())).contains(saved);
	}

	@Test
	void insertsAndDeletesAndOtherAggregatesAreLeftAlone() {
		Account saved = this.accounts.save(new Account(null, "ada@example.com", 7L, "Ada"));
		Note note = this.notes.save(new Note(null, "first"));

		this.notes.save(new Note(note.id(), "second"));
		this.accounts.delete(new Account(saved.id(), "other@example.com", 1L, "x"));

		assertThat(this.notes.findById(note.id())).contains(new Note(note.id(), "second"));
		assertThat(this.accounts.count()).isZero();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.queryForMap("SELECT email, owner_id, name FROM account WHERE id = ?", id)
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap((entry) -> entry.getKey().toLowerCase(java.util.Locale.ROOT),
					Map.Entry::getValue));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
