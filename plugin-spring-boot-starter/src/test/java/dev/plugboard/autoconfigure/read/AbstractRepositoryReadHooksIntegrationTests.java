package dev.plugboard.autoconfigure.read;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import dev.plugboard.autoconfigure.read.ReadLog.Event;
import dev.plugboard.autoconfigure.read.ReadLog.MemoWrites;
import dev.plugboard.autoconfigure.read.ReadLog.Redactor;
import dev.plugboard.autoconfigure.read.ReadLog.TenantScope;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The after-read hooks through the starter, on real Spring Data JDBC repositories. Tenant
 * {@code a} owns {@code memo a1}, {@code memo a2} and the soft-deleted {@code memo a3};
 * tenant {@code b} owns {@code memo b1}. Reads run as tenant {@code a} unless a request
 * says otherwise. Each subclass runs the suite against one database.
 */
@SpringBootTest(classes = ReadTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-read/schema.sql",
				"plugboard.plugins.tenant-filter.entities=memo", "plugboard.plugins.hide-deleted.entities=memo",
				"plugboard.plugins.redactor.entities=memo", "plugboard.plugins.memo-writes.entities=memo",
				"management.endpoints.web.exposure.include=plugins" })
abstract class AbstractRepositoryReadHooksIntegrationTests {

	@Autowired
	private MemoRepository memos;

	@Autowired
	private LabelRepository labels;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ReadLog log;

	@Autowired
	private PluginRuntime runtime;

	@LocalServerPort
	private int port;

	private long a1;

	private long a2;

	private long a3;

	private long b1;

	@BeforeEach
	void insertMemos() {
		this.jdbc.update("DELETE FROM memo");
		this.jdbc.update("DELETE FROM label");
		this.a1 = insert("a", "memo a1", "s1", null);
		this.a2 = insert("a", "memo a2", "s2", null);
		this.a3 = insert("a", "memo a3", "s3", LocalDateTime.of(2025, 1, 1, 0, 0));
		this.b1 = insert("b", "memo b1", "s4", null);
		this.jdbc.update("INSERT INTO label (tenant, name) VALUES ('a', 'label a'), ('b', 'label b')");
		this.log.reset();
	}

	@Test
	void crudFindersReturnOnlyTheTenantsLiveMemos() {
		assertThat(this.memos.findById(this.a1)).isPresent();
		assertThat(this.memos.findById(this.b1)).isEmpty();
		assertThat(this.memos.findById(this.a3)).isEmpty();
		assertThat(titles(this.memos.findAll())).containsExactlyInAnyOrder("memo a1", "memo a2");
		assertThat(titles(this.memos.findAll(Sort.by("id")))).containsExactly("memo a1", "memo a2");
		assertThat(titles(this.memos.findAllById(List.of(this.a1, this.a3, this.b1)))).containsExactly("memo a1");
		this.log.tenant("b");
		assertThat(titles(this.memos.findAll())).containsExactly("memo b1");
	}

	@Test
	void pageOfFindAllHoldsTheVisibleMemosAndTheQuerysTotals() {
		Page<Memo> page = this.memos.findAll(PageRequest.of(0, 10, Sort.by("id")));
		assertThat(titles(page)).containsExactly("memo a1", "memo a2");
		assertThat(page.getTotalElements()).isEqualTo(4);
		assertThat(page.getTotalPages()).isOne();
	}

	@Test
	void derivedFindersFilterEveryReturnShape() {
		assertThat(titles(this.memos.findByTitleStartingWith("memo"))).containsExactlyInAnyOrder("memo a1", "memo a2");
		assertThat(this.memos.findFirstByTitle("memo a1")).isPresent();
		assertThat(this.memos.findFirstByTitle("memo b1")).isEmpty();
		assertThat(this.memos.findOneByTitle("memo a2")).isNotNull();
		assertThat(this.memos.findOneByTitle("memo b1")).isNull();
		assertThat(this.memos.findOneByTitle("memo a3")).isNull();
		assertThat(titles(this.memos.findSetByTitleStartingWith("memo"))).containsExactlyInAnyOrder("memo a1",
				"memo a2");
		assertThat(titles(this.memos.findByTitleIn(List.of("memo a1", "memo b1")))).containsExactly("memo a1");
		assertThat(titles(this.memos.findIterableByTitleStartingWith("memo"))).containsExactlyInAnyOrder("memo a1",
				"memo a2");
		try (Stream<Memo> stream = this.memos.streamByTitleStartingWith("memo")) {
			assertThat(stream.map(Memo::title)).containsExactlyInAnyOrder("memo a1", "memo a2");
		}
		Page<Memo> page = this.memos.findPageByTitleStartingWith("memo", PageRequest.of(0, 3, Sort.by("id")));
		assertThat(titles(page)).containsExactly("memo a1", "memo a2");
		assertThat(page.getTotalElements()).isEqualTo(4);
		assertThat(page.hasNext()).isTrue();
		Slice<Memo> slice = this.memos.findSliceByTitleStartingWith("memo", PageRequest.of(1, 2, Sort.by("id")));
		assertThat(titles(slice)).isEmpty();
		assertThat(slice.hasNext()).isFalse();
		assertThat(titles(this.memos.findSliceByTitleStartingWith("memo", PageRequest.of(0, 2, Sort.by("id")))))
			.containsExactly("memo a1", "memo a2");
	}

	@Test
	void queryMethodsAreFiltered() {
		assertThat(titles(this.memos.selectByTitleLike("memo%"))).containsExactlyInAnyOrder("memo a1", "memo a2");
		assertThat(this.memos.selectOneByTitle("memo b1")).isNull();
		assertThat(this.memos.selectOneByTitle("memo a1")).isNotNull();
	}

	@Test
	void queryByExampleIsFilteredWhateverTheFluentQueryReturns() {
		Example<Memo> everyMemo = Example.of(new Memo(null, null, null, null, null));
		assertThat(titles(this.memos.findAll(everyMemo))).containsExactlyInAnyOrder("memo a1", "memo a2");
		assertThat(this.memos.findOne(Example.of(new Memo(null, null, "memo b1", null, null)))).isEmpty();
		List<Memo> all = this.memos.findBy(everyMemo, (query) -> query.sortBy(Sort.by("id")).all());
		assertThat(titles(all)).containsExactly("memo a1", "memo a2");
		Window<Memo> window = this.memos.findBy(everyMemo,
				(query) -> query.sortBy(Sort.by("id")).limit(3).scroll(ScrollPosition.offset()));
		assertThat(titles(window)).containsExactly("memo a1", "memo a2");
		assertThat(window.hasNext()).isTrue();
		Long count = this.memos.findBy(everyMemo, (query) -> query.count());
		assertThat(count).isEqualTo(4);
	}

	@Test
	void redactedCopyIsWhatTheCallerSeesAndTheStoredRowIsUnchanged() {
		assertThat(this.memos.findById(this.a1)).map(Memo::secret).contains("***");
		assertThat(this.memos.findAll()).extracting(Memo::secret).containsOnly("***");
		assertThat(this.jdbc.queryForObject("SELECT secret FROM memo WHERE id = ?", String.class, this.a1))
			.isEqualTo("s1");
	}

	@Test
	void countsExistsProjectionsAndScalarsAreNotFiltered() {
		assertThat(this.memos.count()).isEqualTo(4);
		assertThat(this.memos.existsById(this.b1)).isTrue();
		assertThat(this.memos.countByTitleStartingWith("memo")).isEqualTo(4);
		assertThat(this.memos.existsByTitle("memo b1")).isTrue();
		assertThat(this.memos.countWithQuery()).isEqualTo(4);
		assertThat(this.memos.selectTitles()).containsExactly("memo a1", "memo a2", "memo a3", "memo b1");
		assertThat(this.memos.findProjectedByTitleStartingWith("memo")).extracting(MemoTitle::getTitle)
			.containsExactlyInAnyOrder("memo a1", "memo a2", "memo a3", "memo b1");
		assertThat(this.memos.findDynamicByTitleStartingWith("memo", MemoSummary.class)).hasSize(4);
		assertThat(this.log.events()).isEmpty();
		assertThat(this.memos.findDynamicByTitleStartingWith("memo", Memo.class)).hasSize(2);
	}

	@Test
	void pluginsListedForMemosDoNotSeeOtherAggregates() {
		assertThat(this.labels.findAll()).extracting(Label::name).containsExactlyInAnyOrder("label a", "label b");
		assertThat(this.log.events()).isEmpty();
		this.memos.findAll();
		assertThat(this.log.events()).extracting(Event::aggregate).containsOnly("memo");
	}

	@Test
	void readHooksRunInNoTransactionOfTheInterceptorAndWithoutARequestOutsideOne() {
		this.memos.findByTitleStartingWith("memo");
		assertThat(this.log.events(TenantScope.ID)).hasSize(4)
			.allSatisfy((event) -> assertThat(event.transaction()).isEqualTo("none"))
			.allSatisfy((event) -> assertThat(event.path()).isNull());
		this.log.reset();
		this.memos.findAll();
		assertThat(this.log.events(TenantScope.ID)).hasSize(4)
			.allSatisfy((event) -> assertThat(event.transaction()).isEqualTo("read-only"));
	}

	@Test
	void readOverHttpIsScopedToTheRequestsTenant() throws Exception {
		HttpResponse<String> asB = get("/memos", "b");
		assertThat(asB.statusCode()).isEqualTo(200);
		assertThat(json(asB)).extractingJsonPathArrayValue("$[*].title").containsExactly("memo b1");
		HttpResponse<String> asA = get("/memos", "a");
		assertThat(json(asA)).extractingJsonPathArrayValue("$[*].title").containsExactly("memo a1", "memo a2");
		assertThat(json(asA)).extractingJsonPathArrayValue("$[*].secret").containsOnly("***");
		assertThat(get("/memos/" + this.a1, "b").statusCode()).isEqualTo(404);
		assertThat(this.log.events(TenantScope.ID)).extracting(Event::path).contains("/memos");
	}

	@Test
	void failClosedFaultAnswers500ProblemNamingThePluginAndLeaksNoRows() throws Exception {
		this.log.onTenantScope((read) -> {
			throw new IllegalStateException("tenant column unreadable");
		});
		HttpResponse<String> response = get("/memos", "a");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonContent<Object> body = json(response);
		assertThat(body).extractingJsonPathStringValue("$.plugin").isEqualTo(TenantScope.ID);
		assertThat(body).extractingJsonPathStringValue("$.correlationId").isNotBlank();
		assertThat(response.body()).doesNotContain("memo a")
			.doesNotContain("IllegalStateException")
			.doesNotContain("tenant column unreadable");
		assertThat(plugin(TenantScope.ID).faults()).isOne();
		this.log.onTenantScope((read) -> {
		});
		assertThat(get("/memos", "a").statusCode()).isEqualTo(200);
	}

	@Test
	void failOpenFaultReturnsTheRowsAsIfThePluginWereAbsent() throws Exception {
		this.log.onRedactor((read) -> {
			throw new IllegalStateException("redaction bug");
		});
		HttpResponse<String> response = get("/memos", "a");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).extractingJsonPathArrayValue("$[*].title").containsExactly("memo a1", "memo a2");
		assertThat(json(response)).extractingJsonPathArrayValue("$[*].secret").containsExactly("s1", "s2");
		assertThat(plugin(Redactor.ID).faults()).isEqualTo(2);
	}

	@Test
	void deleteByIdOfAnotherTenantsOrASoftDeletedMemoDeletesNothing() {
		this.memos.deleteById(this.b1);
		this.memos.deleteById(this.a3);
		assertThat(this.memos.count()).isEqualTo(4);
		assertThat(this.log.events(MemoWrites.ID)).isEmpty();
		this.memos.deleteById(this.a1);
		assertThat(this.jdbc.queryForList("SELECT title FROM memo ORDER BY id", String.class))
			.containsExactly("memo a2", "memo a3", "memo b1");
		assertThat(this.log.events(MemoWrites.ID)).extracting(Event::what)
			.containsExactly("before DELETE memo a1", "after DELETE memo a1 secret=s1");
	}

	@Test
	void deleteAllByIdDeletesOnlyTheTenantsLiveMemos() {
		this.memos.deleteAllById(List.of(this.a1, this.a2, this.a3, this.b1));
		assertThat(this.jdbc.queryForList("SELECT title FROM memo ORDER BY id", String.class))
			.containsExactly("memo a3", "memo b1");
		assertThat(this.log.events(MemoWrites.ID)).extracting(Event::what)
			.filteredOn((what) -> what.startsWith("after"))
			.containsExactly("after DELETE memo a1 secret=s1", "after DELETE memo a2 secret=s2");
	}

	@Test
	void pluginsEndpointListsTheAfterReadHook() throws Exception {
		JsonContent<Object> json = json(get("/actuator/plugins", "a"));
		assertThat(json).extractingJsonPathArrayValue("$.plugins[?(@.id == 'tenant-filter')].hooks[*]")
			.containsExactly("after-read");
		assertThat(json).extractingJsonPathArrayValue("$.plugins[?(@.id == 'tenant-filter')].onError")
			.containsExactly("fail-closed");
	}

	private long insert(String tenant, String title, String secret, LocalDateTime deletedAt) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(
					"INSERT INTO memo (tenant, title, secret, deleted_at) VALUES (?, ?, ?, ?)", new String[] { "id" });
			statement.setString(1, tenant);
			statement.setString(2, title);
			statement.setString(3, secret);
			statement.setTimestamp(4, (deletedAt != null) ? Timestamp.valueOf(deletedAt) : null);
			return statement;
		}, key);
		return key.getKeyAs(Number.class).longValue();
	}

	private RegisteredPlugin plugin(String id) {
		return this.runtime.registry()
			.all()
			.stream()
			.filter((plugin) -> plugin.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> titles(Iterable<Memo> memos) {
		List<String> titles = new ArrayList<>();
		memos.forEach((memo) -> titles.add(memo.title()));
		return titles;
	}

	private HttpResponse<String> get(String path, String tenant) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header(ReadLog.TENANT_HEADER, tenant)
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JsonContent<Object> json(HttpResponse<String> response) {
		return new BasicJsonTester(getClass()).from(response.body());
	}

}
