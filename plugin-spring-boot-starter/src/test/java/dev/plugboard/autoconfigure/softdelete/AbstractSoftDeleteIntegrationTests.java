package dev.plugboard.autoconfigure.softdelete;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.NotFound;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.softdelete.Repositories.MemoRepository;
import dev.plugboard.autoconfigure.softdelete.Repositories.StickerRepository;
import dev.plugboard.autoconfigure.softdelete.SoftDeleteTestApplication.WriteLog;
import dev.plugboard.builtin.softdelete.SoftDeleteStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code soft-delete} built-in through the starter, on real Spring Data JDBC
 * repositories, with its restore and purge routes over HTTP. Each subclass runs it
 * against one database.
 */
@SpringBootTest(classes = SoftDeleteTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-soft-delete/schema.sql",
				"plugboard.plugins.soft-delete.role=ADMIN" })
abstract class AbstractSoftDeleteIntegrationTests {

	private static final Instant EARLIER = Instant.parse("2024-12-24T18:00:00Z");

	@Autowired
	private MemoRepository memos;

	@Autowired
	private StickerRepository stickers;

	@Autowired
	private WriteLog log;

	@Autowired
	private SoftDeleteStore store;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void reset() {
		this.jdbc.update("DELETE FROM memo");
		this.jdbc.update("DELETE FROM sticker");
		this.log.writes.clear();
	}

	@Test
	void deleteByIdKeepsTheRowWithTheDeletionTimeAndFindersHideIt() {
		Memo kept = this.memos.save(new Memo("kept"));
		Memo gone = this.memos.save(new Memo("gone"));

		this.memos.deleteById(gone.id());

		assertThat(deletedAt(gone.id())).isEqualTo(SoftDeleteTestApplication.NOW);
		assertThat(this.memos.findById(gone.id())).isEmpty();
		assertThat(this.memos.findAll()).containsExactly(kept);
		assertThat(this.memos.findByText("gone")).isEmpty();
		assertThat(this.memos.count()).as("counts come from the query").isEqualTo(2);
	}

	@Test
	void afterWriteHooksSeeTheUpdateThatHappened() {
		Memo memo = this.memos.save(new Memo("text"));
		this.log.writes.clear();

		this.memos.delete(memo);

		assertThat(this.log.writes).containsExactly("UPDATE memo " + memo.id());
	}

	@Test
	void deletingADeletedRowIsANoOp() {
		Memo memo = this.memos.save(new Memo("text"));
		this.jdbc.update("UPDATE memo SET deleted_at = ? WHERE id = ?", Timestamp.from(EARLIER), memo.id());
		this.log.writes.clear();

		this.memos.delete(memo);
		this.memos.deleteById(memo.id());
		this.memos.deleteAllById(List.of(memo.id()));

		assertThat(deletedAt(memo.id())).isEqualTo(EARLIER);
		assertThat(this.log.writes).isEmpty();
	}

	@Test
	void deleteOverHttpAnswers204AndKeepsTheRow() {
		Memo memo = this.memos.save(new Memo("text"));

		HttpResponse<String> response = send("DELETE", "/memos/" + memo.id(), null);

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(deletedAt(memo.id())).isEqualTo(SoftDeleteTestApplication.NOW);
		assertThat(send("GET", "/memos", null).body()).doesNotContain("text");
	}

	@Test
	void saveOfADeletedRowIsNotFoundAndLeavesItDeleted() {
		Memo memo = this.memos.save(new Memo("text"));
		this.memos.delete(memo);

		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> this.memos.save(new Memo(memo.id(), "edited", null)))
			.satisfies((rejection) -> assertThat(rejection.plugin()).isEqualTo("soft-delete"));
		assertThat(deletedAt(memo.id())).isEqualTo(SoftDeleteTestApplication.NOW);
		assertThat(this.jdbc.queryForObject("SELECT text FROM memo WHERE id = ?", String.class, memo.id()))
			.isEqualTo("text");
	}

	@Test
	void entitiesWithoutTheFieldAreDeletedForReal() {
		Sticker sticker = this.stickers.save(new Sticker(null, "star"));

		this.stickers.delete(sticker);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sticker", Integer.class)).isZero();
	}

	@Test
	void restoreRouteClearsTheDeletionForTheRole() {
		Memo memo = this.memos.save(new Memo("text"));
		this.memos.delete(memo);

		HttpResponse<String> response = send("POST", "/soft-delete/memo/" + memo.id() + "/restore", "ADMIN");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		assertThat(deletedAt(memo.id())).isNull();
		assertThat(this.memos.findById(memo.id())).contains(memo);
	}

	@Test
	void purgeRouteDeletesADeletedRowForGood() {
		Memo memo = this.memos.save(new Memo("text"));
		this.memos.delete(memo);

		HttpResponse<String> response = send("DELETE", "/soft-delete/memo/" + memo.id() + "/purge", "ADMIN");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM memo", Integer.class)).isZero();
	}

	@Test
	void purgeOfALiveRowIsNotFoundAndTheRowStays() {
		Memo memo = this.memos.save(new Memo("text"));

		HttpResponse<String> response = send("DELETE", "/soft-delete/memo/" + memo.id() + "/purge", "ADMIN");

		BuiltInTesting.assertProblem(response, 404, "soft-delete");
		assertThat(response.body()).contains("\"code\":\"not-found\"");
		assertThat(this.memos.findById(memo.id())).contains(memo);
	}

	@Test
	void routesAnswer401WithoutAPrincipalAnd403WithoutTheRoleAndTheRowIsUnchanged() {
		Memo memo = this.memos.save(new Memo("text"));
		this.memos.delete(memo);

		HttpResponse<String> anonymous = send("POST", "/soft-delete/memo/" + memo.id() + "/restore", null);
		HttpResponse<String> user = send("DELETE", "/soft-delete/memo/" + memo.id() + "/purge", "USER");

		BuiltInTesting.assertProblem(anonymous, 401, "soft-delete");
		BuiltInTesting.assertProblem(user, 403, "soft-delete");
		assertThat(user.body()).contains("\"code\":\"forbidden\"");
		assertThat(deletedAt(memo.id())).isEqualTo(SoftDeleteTestApplication.NOW);
	}

	@Test
	void applicationCodeRestoresAndPurgesThroughTheStoreBean() {
		Memo restored = this.memos.save(new Memo("restored"));
		Memo purged = this.memos.save(new Memo("purged"));
		this.memos.deleteAll(List.of(restored, purged));

		assertThat(this.store.restore("memo", String.valueOf(restored.id()))).isTrue();
		assertThat(this.store.purge("memo", String.valueOf(purged.id()))).isTrue();
		assertThat(this.store.purge("memo", String.valueOf(restored.id()))).as("a live row is not purged").isFalse();

		assertThat(this.memos.findAll()).containsExactly(restored);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM memo", Integer.class)).isOne();
	}

	@Test
	void badIdIs400AndUnknownAggregateIs404() {
		BuiltInTesting.assertProblem(send("POST", "/soft-delete/memo/abc/restore", "ADMIN"), 400, "soft-delete");
		BuiltInTesting.assertProblem(send("POST", "/soft-delete/sticker/1/restore", "ADMIN"), 404, "soft-delete");
		BuiltInTesting.assertProblem(send("POST", "/soft-delete/nothing/1/restore", "ADMIN"), 404, "soft-delete");
	}

	private @Nullable Instant deletedAt(@Nullable Long id) {
		Timestamp deletedAt = this.jdbc.queryForObject("SELECT deleted_at FROM memo WHERE id = ?", Timestamp.class, id);
		return (deletedAt != null) ? deletedAt.toInstant() : null;
	}

	private HttpResponse<String> send(String method, String path, @Nullable String roles) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
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
