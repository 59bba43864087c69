package dev.plugboard.autoconfigure.data;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.PluginException;
import dev.plugboard.RequestContext;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.data.WriteLog.Event;
import dev.plugboard.autoconfigure.data.WriteLog.NoteAudit;
import dev.plugboard.autoconfigure.data.WriteLog.ScriptedAfterWrite;
import dev.plugboard.autoconfigure.data.WriteLog.ScriptedBeforeWrite;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour of the repository interceptor through the starter, on real Spring Data
 * JDBC repositories. Each subclass runs it against one database.
 */
@SpringBootTest(classes = DataTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-data/schema.sql",
				"plugboard.plugins.note-audit.entities=note" })
abstract class AbstractRepositoryWriteHooksIntegrationTests {

	@Autowired
	private TicketRepository tickets;

	@Autowired
	private NoteRepository notes;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DeferredExecutor deferred;

	@Autowired
	private WriteLog log;

	@LocalServerPort
	private int port;

	@BeforeEach
	void clean() {
		this.jdbc.update("DELETE FROM audit_row");
		this.jdbc.update("DELETE FROM ticket");
		this.jdbc.update("DELETE FROM note");
		this.log.reset();
	}

	@Test
	void savingNewEntityIsInsertSavingItAgainIsUpdateAndDeletingItIsDelete() {
		Ticket ticket = this.tickets.save(new Ticket("printer on fire"));
		ticket.setTitle("printer on fire, again");
		this.tickets.save(ticket);
		this.tickets.delete(ticket);
		assertThat(this.log.events(ScriptedBeforeWrite.ID)).extracting(Event::op, Event::aggregate)
			.containsExactly(tuple(WriteOp.INSERT, "ticket"), tuple(WriteOp.UPDATE, "ticket"),
					tuple(WriteOp.DELETE, "ticket"));
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::op, Event::id)
			.containsExactly(tuple(WriteOp.INSERT, ticket.getId()), tuple(WriteOp.UPDATE, ticket.getId()),
					tuple(WriteOp.DELETE, ticket.getId()));
	}

	@Test
	void recordEntityIsInsertThenUpdateThenDelete() {
		Note note = this.notes.save(new Note("hello"));
		Note edited = this.notes.save(new Note(note.id(), "hello there", null));
		this.notes.deleteById(edited.id());
		assertThat(this.log.events(ScriptedBeforeWrite.ID)).extracting(Event::op, Event::aggregate)
			.containsExactly(tuple(WriteOp.INSERT, "note"), tuple(WriteOp.UPDATE, "note"),
					tuple(WriteOp.DELETE, "note"));
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::op, Event::id)
			.containsExactly(tuple(WriteOp.INSERT, note.id()), tuple(WriteOp.UPDATE, note.id()),
					tuple(WriteOp.DELETE, note.id()));
		assertThat(count("note")).isZero();
	}

	@Test
	void afterWriteSeesTheSavedEntityWithItsGeneratedId() {
		Note saved = this.notes.save(new Note("generated"));
		Event after = this.log.events(ScriptedAfterWrite.ID).get(0);
		Long stored = this.jdbc.queryForObject("SELECT id FROM note WHERE text = 'generated'", Long.class);
		assertThat(after.id()).isEqualTo(stored).isEqualTo(saved.id());
		assertThat(after.entity()).isInstanceOfSatisfying(Note.class,
				(note) -> assertThat(note.id()).isEqualTo(stored));
	}

	@Test
	void mutationInBeforeWriteLandsInTheStoredRow() {
		this.log.onBeforeWrite((write) -> write.entity(Ticket.class).setStatus("triaged"));
		Ticket ticket = this.tickets.save(new Ticket("slow wifi"));
		assertThat(this.jdbc.queryForObject("SELECT status FROM ticket WHERE id = ?", String.class, ticket.getId()))
			.isEqualTo("triaged");
	}

	@Test
	void replacementOfRecordEntityLandsInTheStoredRow() {
		this.log.onBeforeWrite((write) -> {
			Note note = write.entity(Note.class);
			write.setEntity(new Note(note.id(), note.text(), note.text().toLowerCase().replace(' ', '-')));
		});
		Note saved = this.notes.save(new Note("Hello Plugin World"));
		assertThat(saved.slug()).isEqualTo("hello-plugin-world");
		assertThat(this.jdbc.queryForObject("SELECT slug FROM note WHERE id = ?", String.class, saved.id()))
			.isEqualTo("hello-plugin-world");
		assertThat(this.log.events(ScriptedAfterWrite.ID).get(0).entity()).isEqualTo(saved);
	}

	@Test
	void beforeWriteRejectionStoresNothing() {
		this.log.onBeforeWrite((write) -> {
			throw new ValidationFailed("title-required", "A ticket needs a title");
		});
		assertThatExceptionOfType(ValidationFailed.class).isThrownBy(() -> this.tickets.save(new Ticket("")))
			.satisfies((ex) -> assertThat(ex.plugin()).isEqualTo(ScriptedBeforeWrite.ID));
		assertThat(count("ticket")).isZero();
		assertThat(this.log.events(ScriptedAfterWrite.ID)).isEmpty();
	}

	@Test
	void beforeWriteRejectionThroughHttpAnswers400ProblemJsonAndStoresNothing() throws Exception {
		this.log.onBeforeWrite((write) -> {
			if (write.entity(Ticket.class).getTitle().isBlank()) {
				throw new ValidationFailed("title-required", "A ticket needs a title");
			}
		});
		HttpResponse<String> response = post("/tickets", "{\"title\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"title-required\"")
			.contains("\"plugin\":\"" + ScriptedBeforeWrite.ID + "\"");
		assertThat(count("ticket")).isZero();
		assertThat(post("/tickets", "{\"title\":\"valid\"}").statusCode()).isEqualTo(200);
		assertThat(count("ticket")).isOne();
	}

	@Test
	void hooksSeeTheRequestDuringARequestAndNoneOutsideOne() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.log.onBeforeWrite((write) -> {
			RequestContext request = write.request();
			seen.add((request != null) ? request.method() + " " + request.path() : "no request");
		});
		assertThat(post("/tickets", "{\"title\":\"over http\"}").statusCode()).isEqualTo(200);
		this.tickets.save(new Ticket("from a job"));
		assertThat(seen).containsExactly("POST /tickets", "no request");
	}

	@Test
	void runtimeExceptionInBeforeWriteStoresNothing() {
		this.log.onBeforeWrite((write) -> {
			throw new IllegalStateException("bug in plugin");
		});
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> this.tickets.save(new Ticket("x")))
			.satisfies((ex) -> assertThat(ex.pluginId()).isEqualTo(ScriptedBeforeWrite.ID));
		assertThat(count("ticket")).isZero();
	}

	@Test
	void afterWriteRuntimeExceptionDoesNotFailTheWrite() {
		this.log.onAfterWrite((write) -> {
			throw new IllegalStateException("bug in plugin");
		});
		Ticket ticket = this.tickets.save(new Ticket("kept"));
		assertThat(ticket.getId()).isNotNull();
		assertThat(count("ticket")).isOne();
	}

	@Test
	void afterWriteDatabaseErrorRollsTheWriteBack() {
		this.log.onAfterWrite((write) -> this.jdbc.update("INSERT INTO no_such_table (id) VALUES (1)"));
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> this.tickets.save(new Ticket("lost")))
			.satisfies((ex) -> assertThat(ex.pluginId()).isEqualTo(ScriptedAfterWrite.ID));
		assertThat(count("ticket")).isZero();
	}

	@Test
	void afterWriteRowsCommitWithTheEntityInTheCallersTransaction() {
		this.log.onAfterWrite(
				(write) -> this.jdbc.update("INSERT INTO audit_row (aggregate, op, entity_id) VALUES (?, ?, ?)",
						write.aggregate(), write.op().name(), write.id()));
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> {
			this.tickets.save(new Ticket("rolled back"));
			status.setRollbackOnly();
		});
		assertThat(count("ticket")).isZero();
		assertThat(count("audit_row")).isZero();
		transaction.executeWithoutResult((status) -> this.tickets.save(new Ticket("committed")));
		assertThat(count("ticket")).isOne();
		assertThat(this.jdbc.queryForList("SELECT op FROM audit_row", String.class)).containsExactly("INSERT");
	}

	@Test
	void deferredWorkIsDroppedWhenTheCallersTransactionRollsBack() {
		this.log.onAfterWrite((write) -> write.defer(() -> {
		}));
		long submitted = this.deferred.submitted();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.tickets.save(new Ticket("never"));
			status.setRollbackOnly();
		});
		assertThat(this.log.events(ScriptedAfterWrite.ID)).hasSize(1);
		assertThat(this.deferred.submitted()).isEqualTo(submitted);
	}

	@Test
	void deferredWorkRunsAfterCommitAndSeesTheCommittedRow() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<Integer> rowsSeen = new AtomicReference<>();
		this.log.onAfterWrite((write) -> write.defer(() -> {
			rowsSeen
				.set(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE id = ?", Integer.class, write.id()));
			ran.countDown();
		}));
		long submitted = this.deferred.submitted();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.tickets.save(new Ticket("deferred"));
			assertThat(this.deferred.submitted()).isEqualTo(submitted);
		});
		assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(rowsSeen.get()).isOne();
	}

	@Test
	void deferredWorkOfWriteOutsideTransactionRunsAfterTheInterceptorsTransactionCommits() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<Integer> rowsSeen = new AtomicReference<>();
		this.log.onAfterWrite((write) -> write.defer(() -> {
			rowsSeen.set(this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class));
			ran.countDown();
		}));
		this.tickets.save(new Ticket("alone"));
		assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(rowsSeen.get()).isOne();
	}

	@Test
	void saveAllFiresOncePerEntityWithEachOp() {
		Ticket existing = this.tickets.save(new Ticket("existing"));
		this.log.reset();
		existing.setTitle("existing, edited");
		List<Ticket> saved = this.tickets.saveAll(List.of(new Ticket("a"), existing, new Ticket("b")));
		assertThat(this.log.events(ScriptedBeforeWrite.ID)).extracting(Event::op)
			.containsExactly(WriteOp.INSERT, WriteOp.UPDATE, WriteOp.INSERT);
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::op, Event::id)
			.containsExactly(tuple(WriteOp.INSERT, saved.get(0).getId()), tuple(WriteOp.UPDATE, existing.getId()),
					tuple(WriteOp.INSERT, saved.get(2).getId()));
		assertThat(saved).allSatisfy((ticket) -> assertThat(ticket.getId()).isNotNull());
	}

	@Test
	void saveAllOfRecordsPassesReplacementsAndSavedInstances() {
		this.log.onBeforeWrite((write) -> {
			Note note = write.entity(Note.class);
			write.setEntity(new Note(note.id(), note.text(), "slug-" + note.text()));
		});
		List<Note> saved = this.notes.saveAll(List.of(new Note("a"), new Note("b")));
		assertThat(this.jdbc.queryForList("SELECT slug FROM note ORDER BY id", String.class)).containsExactly("slug-a",
				"slug-b");
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::entity).containsExactlyElementsOf(saved);
	}

	@Test
	void deleteAllByIdFiresOncePerEntityFound() {
		List<Ticket> saved = this.tickets.saveAll(List.of(new Ticket("a"), new Ticket("b")));
		this.log.reset();
		this.tickets.deleteAllById(List.of(saved.get(0).getId(), saved.get(1).getId(), -1L));
		assertThat(this.log.events(ScriptedBeforeWrite.ID)).extracting(Event::op)
			.containsExactly(WriteOp.DELETE, WriteOp.DELETE);
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::id)
			.containsExactlyInAnyOrder(saved.get(0).getId(), saved.get(1).getId());
		assertThat(count("ticket")).isZero();
	}

	@Test
	void deleteAllOfEntitiesFiresOncePerEntity() {
		List<Ticket> saved = this.tickets.saveAll(List.of(new Ticket("a"), new Ticket("b")));
		this.log.reset();
		this.tickets.deleteAll(saved);
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::op, Event::id)
			.containsExactly(tuple(WriteOp.DELETE, saved.get(0).getId()), tuple(WriteOp.DELETE, saved.get(1).getId()));
		assertThat(count("ticket")).isZero();
	}

	@Test
	void deleteByIdShowsTheLoadedEntityToTheHooks() {
		Ticket ticket = this.tickets.save(new Ticket("to delete"));
		this.log.reset();
		this.tickets.deleteById(ticket.getId());
		assertThat(this.log.events(ScriptedBeforeWrite.ID)).singleElement()
			.satisfies((event) -> assertThat(event.entity()).isInstanceOfSatisfying(Ticket.class,
					(loaded) -> assertThat(loaded.getTitle()).isEqualTo("to delete")));
		this.log.reset();
		this.tickets.deleteById(-1L);
		assertThat(this.log.events()).isEmpty();
	}

	@Test
	void beforeWriteRejectionOfOneEntityInSaveAllStoresNone() {
		this.log.onBeforeWrite((write) -> {
			if (write.entity(Ticket.class).getTitle().isBlank()) {
				throw new ValidationFailed("title-required", "A ticket needs a title");
			}
		});
		assertThatExceptionOfType(PluginException.class)
			.isThrownBy(() -> this.tickets.saveAll(List.of(new Ticket("fine"), new Ticket(""))));
		assertThat(count("ticket")).isZero();
	}

	@Test
	void entitiesRestrictionLimitsPluginToItsAggregates() {
		this.tickets.save(new Ticket("not audited"));
		Note note = this.notes.save(new Note("audited"));
		assertThat(this.log.events(NoteAudit.ID)).extracting(Event::aggregate, Event::id)
			.containsExactly(tuple("note", note.id()));
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::aggregate)
			.containsExactly("ticket", "note");
	}

	@Test
	void setOnARecordEntityReplacesItWithACopyThatLandsInTheRow() {
		this.log.onBeforeWrite((write) -> write.set("slug", "set-" + write.get("text")));
		Note saved = this.notes.save(new Note("copied"));
		assertThat(saved.slug()).isEqualTo("set-copied");
		assertThat(this.jdbc.queryForObject("SELECT slug FROM note WHERE id = ?", String.class, saved.id()))
			.isEqualTo("set-copied");
	}

	@Test
	void previousIsTheStoredRowInBeforeWriteAndStaysAvailableInAfterWrite() {
		Ticket ticket = this.tickets.save(new Ticket("stored title"));
		AtomicReference<Object> seenBefore = new AtomicReference<>();
		AtomicReference<Object> seenAfter = new AtomicReference<>();
		this.log.onBeforeWrite((write) -> seenBefore.set(write.previous()));
		this.log.onAfterWrite((write) -> seenAfter.set(write.previous()));
		Ticket fromClient = new Ticket("edited title");
		fromClient.setId(ticket.getId());
		this.tickets.save(fromClient);
		assertThat(seenBefore.get()).isInstanceOfSatisfying(Ticket.class,
				(stored) -> assertThat(stored.getTitle()).isEqualTo("stored title"));
		assertThat(seenAfter.get()).isSameAs(seenBefore.get());
	}

	@Test
	void previousIsNullForAnInsertAndInAfterWriteWhenNoBeforeWriteHookLoadedIt() {
		AtomicReference<Object> seenAfter = new AtomicReference<>("unset");
		this.log.onAfterWrite((write) -> seenAfter.set(write.previous()));
		Ticket ticket = this.tickets.save(new Ticket("first"));
		assertThat(seenAfter.get()).isNull();
		ticket.setTitle("second");
		seenAfter.set("unset");
		this.tickets.save(ticket);
		assertThat(seenAfter.get()).isNull();
	}

	@Test
	void duplicateKeyIsRetriedWhenAHookAskedAndTheHooksRunAgainWithTheNextAttempt() {
		this.notes.save(new Note(null, "first", "taken"));
		this.log.onBeforeWrite((write) -> {
			if (write.entity() instanceof Note note && note.id() == null && !note.text().equals("first")) {
				write.retryOnDuplicateKey(3);
				write.set("slug", (write.attempt() == 1) ? "taken" : "taken-" + write.attempt());
			}
		});
		Note saved = this.notes.save(new Note("second"));
		assertThat(saved.slug()).isEqualTo("taken-2");
		assertThat(this.jdbc.queryForList("SELECT slug FROM note ORDER BY id", String.class)).containsExactly("taken",
				"taken-2");
		assertThat(this.log.events(ScriptedAfterWrite.ID)).extracting(Event::op)
			.containsExactly(WriteOp.INSERT, WriteOp.INSERT);
	}

	@Test
	void duplicateKeyRetriedWithinTheCallersTransactionKeepsItsEarlierWork() {
		this.notes.save(new Note(null, "first", "taken"));
		this.log.onBeforeWrite((write) -> {
			if (write.entity() instanceof Note note && note.text().equals("in tx")) {
				write.retryOnDuplicateKey(2);
				write.set("slug", (write.attempt() == 1) ? "taken" : "free");
			}
		});
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.tickets.save(new Ticket("same transaction"));
			this.notes.save(new Note("in tx"));
		});
		assertThat(count("ticket")).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT slug FROM note ORDER BY id", String.class)).containsExactly("taken",
				"free");
	}

	@Test
	void duplicateKeyWithoutARetryRequestFailsTheWrite() {
		this.notes.save(new Note(null, "first", "taken"));
		this.log.onBeforeWrite((write) -> {
			if (write.entity() instanceof Note note && note.id() == null && note.text().equals("second")) {
				write.set("slug", "taken");
			}
		});
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.notes.save(new Note("second")))
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(java.sql.SQLException.class));
		assertThat(count("note")).isEqualTo(1);
	}

	@Test
	void retriesStopAfterTheLastAttemptAndTheDuplicateKeyIsThrown() {
		this.notes.save(new Note(null, "first", "taken"));
		this.log.onBeforeWrite((write) -> {
			if (write.entity() instanceof Note note && note.id() == null && note.text().equals("second")) {
				write.retryOnDuplicateKey(2);
				write.set("slug", "taken");
			}
		});
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.notes.save(new Note("second")));
		assertThat(count("note")).isEqualTo(1);
	}

	private int count(String table) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
		return (count != null) ? count : 0;
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
