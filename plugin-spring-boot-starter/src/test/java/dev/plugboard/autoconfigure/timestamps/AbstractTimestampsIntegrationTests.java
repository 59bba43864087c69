package dev.plugboard.autoconfigure.timestamps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.autoconfigure.timestamps.Repositories.InvoiceRepository;
import dev.plugboard.autoconfigure.timestamps.Repositories.LegacyRepository;
import dev.plugboard.autoconfigure.timestamps.Repositories.PostRepository;
import dev.plugboard.autoconfigure.timestamps.Repositories.TagRepository;
import dev.plugboard.autoconfigure.timestamps.Repositories.VisitRepository;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code timestamps} built-in through the starter, on real Spring Data JDBC
 * repositories and over HTTP. Each subclass runs it against one database.
 */
@SpringBootTest(classes = TimestampsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-timestamps/schema.sql",
				"plugboard.plugins.timestamps.enabled=true" })
abstract class AbstractTimestampsIntegrationTests {

	private static final Instant START = TimestampsTestApplication.START;

	@Autowired
	private PostRepository posts;

	@Autowired
	private InvoiceRepository invoices;

	@Autowired
	private VisitRepository visits;

	@Autowired
	private LegacyRepository legacies;

	@Autowired
	private TagRepository tags;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void reset() {
		this.clock.set(START);
		for (String table : new String[] { "post", "invoice", "visit", "legacy", "tag" }) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Test
	void insertOfARecordStoresCreatedAndUpdated() {
		Post saved = this.posts.save(new Post("Hello"));

		assertThat(saved.createdAt()).isEqualTo(START);
		assertThat(saved.updatedAt()).isEqualTo(START);
		assertThat(this.posts.findById(saved.id())).contains(saved);
	}

	@Test
	void updateOfARecordWithoutCreatedKeepsTheStoredOne() {
		Post saved = this.posts.save(new Post("Hello"));
		this.clock.advance(Duration.ofHours(1));

		Post updated = this.posts.save(new Post(saved.id(), "Hello again", null, null));

		assertThat(updated.createdAt()).isEqualTo(START);
		assertThat(updated.updatedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(this.posts.findById(saved.id())).contains(updated);
	}

	@Test
	void javaBeanWithOffsetDateTimesIsStampedAndKeepsItsCreatedOnUpdate() {
		Invoice invoice = new Invoice();
		invoice.setAmount(100);
		this.invoices.save(invoice);
		this.clock.advance(Duration.ofMinutes(5));
		Invoice edited = new Invoice();
		edited.setId(invoice.getId());
		edited.setAmount(120);

		this.invoices.save(edited);

		Invoice stored = this.invoices.findById(invoice.getId()).orElseThrow();
		assertThat(stored.getCreatedAt()).isAtSameInstantAs(OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
		assertThat(stored.getUpdatedAt())
			.isAtSameInstantAs(OffsetDateTime.ofInstant(START, ZoneOffset.UTC).plusMinutes(5));
		assertThat(edited.getCreatedAt()).isAtSameInstantAs(stored.getCreatedAt());
	}

	@Test
	void recordWithLocalDateTimesIsStampedInTheClockZone() {
		Visit saved = this.visits.save(new Visit(null, "/home", null, null));

		assertThat(saved.createdAt()).isEqualTo(LocalDateTime.ofInstant(START, ZoneOffset.UTC));
		assertThat(this.visits.findById(saved.id()).orElseThrow().createdAt()).isEqualTo(saved.createdAt());
	}

	@Test
	void entityWithoutTimestampsIsLeftAlone() {
		Tag saved = this.tags.save(new Tag(null, "news"));

		assertThat(this.tags.findById(saved.id())).contains(saved);
	}

	@Test
	void putFromAClientBodyWithoutCreatedKeepsTheStoredCreated() throws Exception {
		long id = this.posts.save(new Post("Hello")).id();
		this.clock.advance(Duration.ofDays(1));

		HttpResponse<String> response = send("PUT", "/posts/" + id, "{\"title\":\"Edited\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"createdAt\":\"" + START + "\"");
		Post stored = this.posts.findById(id).orElseThrow();
		assertThat(stored.createdAt()).isEqualTo(START);
		assertThat(stored.updatedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
		assertThat(stored.title()).isEqualTo("Edited");
	}

	@Test
	void putFromAClientBodyWithAnotherCreatedKeepsTheStoredCreated() throws Exception {
		long id = this.posts.save(new Post("Hello")).id();
		this.clock.advance(Duration.ofDays(1));

		HttpResponse<String> response = send("PUT", "/posts/" + id,
				"{\"title\":\"Edited\",\"createdAt\":\"1999-12-31T23:59:59Z\",\"updatedAt\":\"1999-12-31T23:59:59Z\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		Post stored = this.posts.findById(id).orElseThrow();
		assertThat(stored.createdAt()).isEqualTo(START);
		assertThat(stored.updatedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
	}

	@Test
	void postOverHttpStampsTheNewRow() throws Exception {
		HttpResponse<String> response = send("POST", "/posts", "{\"title\":\"Fresh\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM post WHERE created_at IS NOT NULL " + "AND updated_at = created_at",
				Integer.class))
			.isOne();
	}

	@Test
	void unsupportedFieldTypeIsAFaultThatStoresNothing() {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> this.legacies.save(new Legacy(null, "old", null)))
			.satisfies((fault) -> assertThat(fault.pluginId()).isEqualTo("timestamps"))
			.havingCause()
			.withMessageContaining(Legacy.class.getName())
			.withMessageContaining("'createdAt'")
			.withMessageContaining("java.util.Date");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM legacy", Integer.class)).isZero();
	}

	@Test
	void unsupportedFieldTypeOverHttpAnswersAProblemNamingThePlugin() throws Exception {
		HttpResponse<String> response = send("POST", "/legacies", "{\"name\":\"old\"}");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"plugin\":\"timestamps\"")
			.contains("\"code\":\"plugin-fault\"")
			.doesNotContain("java.util.Date");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM legacy", Integer.class)).isZero();
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
