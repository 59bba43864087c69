package dev.plugboard.runtime.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link BeforeWriteContext#skip()} and {@link BeforeWriteContext#saveInstead(Object)} on
 * a real Spring Data repository proxy whose store is a map: what reaches the store, what
 * the repository returns, and what the later hooks see.
 */
class RepositorySkipAndSaveInsteadTests {

	private final List<String> calls = new ArrayList<>();

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private InMemoryRepositoryFactory factory = new InMemoryRepositoryFactory();

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(5));
	}

	private TicketRepository repository(Consumer<BeforeWriteContext> before) {
		PluginRegistry registry = PluginRegistry.builder(Map.of())
			.add(new Deciding(before), PluginSource.APPLICATION)
			.add(new Later(), PluginSource.APPLICATION)
			.build();
		PluginRuntime runtime = new PluginRuntime(registry, HookObserver.NONE, this.deferred);
		this.factory = new InMemoryRepositoryFactory();
		new WriteHooksRepositoryFactoryCustomizer(() -> runtime,
				() -> new TransactionTemplate(new CountingTransactionManager()), AggregateNames.simpleClassName(), true)
			.customize(this.factory);
		return this.factory.getRepository(TicketRepository.class);
	}

	@Test
	void skippedSaveWritesNothingReturnsTheEntityAndRunsNoAfterWrite() {
		TicketRepository repository = repository(BeforeWriteContext::skip);
		Ticket ticket = new Ticket(null, "draft");

		Ticket returned = repository.save(ticket);

		assertThat(returned).isSameAs(ticket);
		assertThat(this.factory.store.rows).isEmpty();
		assertThat(this.calls).containsExactly("before INSERT skipped=true", "later INSERT skipped=true");
	}

	@Test
	void skippedEntitiesOfASaveAllKeepTheirPlaceAndTheOthersAreSaved() {
		TicketRepository repository = repository((write) -> {
			if (write.get("title").equals("skip")) {
				write.skip();
			}
		});
		Ticket skipped = new Ticket(null, "skip");

		List<Ticket> returned = repository.saveAll(List.of(new Ticket(null, "a"), skipped, new Ticket(null, "b")));

		assertThat(returned).extracting((ticket) -> ticket.title).containsExactly("a", "skip", "b");
		assertThat(returned.get(1)).isSameAs(skipped);
		assertThat(this.factory.store.rows.values()).extracting((ticket) -> ticket.title).containsExactly("a", "b");
		assertThat(this.calls).filteredOn((call) -> call.startsWith("after"))
			.containsExactly("after INSERT id=1", "after INSERT id=2");
	}

	@Test
	void skippedDeleteLeavesTheRow() {
		TicketRepository repository = repository((write) -> {
			if (write.op() == WriteOp.DELETE) {
				write.skip();
			}
		});
		Ticket ticket = repository.save(new Ticket(null, "keep"));
		this.calls.clear();

		repository.delete(ticket);
		repository.deleteById(ticket.id);
		repository.deleteAllById(List.of(ticket.id));

		assertThat(this.factory.store.rows).containsKey(ticket.id);
		assertThat(this.calls).noneMatch((call) -> call.startsWith("after"));
	}

	@Test
	void deleteTurnedIntoASaveUpdatesTheRowAndLaterHooksSeeAnUpdate() {
		TicketRepository repository = repository((write) -> {
			if (write.op() == WriteOp.DELETE) {
				write.saveInstead(new Ticket((Long) write.get("id"), "[deleted] " + write.get("title")));
			}
		});
		Ticket ticket = repository.save(new Ticket(null, "old"));
		this.calls.clear();

		repository.deleteById(ticket.id);

		assertThat(this.factory.store.rows.get(ticket.id).title).isEqualTo("[deleted] old");
		assertThat(this.calls).containsExactly("before UPDATE skipped=false", "later UPDATE skipped=false",
				"after UPDATE id=1 title=[deleted] old");
	}

	@Test
	void batchDeleteSavesSomeInsteadAndDeletesTheRest() {
		TicketRepository repository = repository((write) -> {
			if (write.op() == WriteOp.DELETE && write.get("title").equals("soft")) {
				write.saveInstead(new Ticket((Long) write.get("id"), "gone"));
			}
		});
		List<Ticket> tickets = repository
			.saveAll(List.of(new Ticket(null, "soft"), new Ticket(null, "hard"), new Ticket(null, "hard")));
		this.calls.clear();

		repository.deleteAllByIdInBatch(List.of(tickets.get(0).id, tickets.get(1).id));
		repository.deleteAll(List.of(tickets.get(2)));

		assertThat(this.factory.store.rows.values()).extracting((ticket) -> ticket.title).containsExactly("gone");
		assertThat(this.calls).filteredOn((call) -> call.startsWith("after"))
			.containsExactly("after UPDATE id=1 title=gone", "after DELETE id=2 title=hard",
					"after DELETE id=3 title=hard");
	}

	@Test
	void deleteByIdSharesTheRowItLoadedAsTheStoredOne() {
		List<Boolean> same = new ArrayList<>();
		TicketRepository repository = repository((write) -> {
			if (write.op() == WriteOp.DELETE) {
				same.add(write.previous() == write.entity());
			}
		});
		List<Ticket> tickets = repository.saveAll(List.of(new Ticket(null, "a"), new Ticket(null, "b")));

		repository.deleteById(tickets.get(0).id);
		repository.deleteAllById(List.of(tickets.get(1).id));

		assertThat(same).containsExactly(true, true);
	}

	@Test
	void onlyADeleteCanBeTurnedIntoASave() {
		TicketRepository repository = repository((write) -> write.saveInstead(new Ticket(1L, "x")));

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> repository.save(new Ticket(null, "a")))
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("Only a DELETE");
		assertThat(this.factory.store.rows).isEmpty();
	}

	private final class Deciding implements BeforeWritePlugin, AfterWritePlugin {

		private final Consumer<BeforeWriteContext> before;

		Deciding(Consumer<BeforeWriteContext> before) {
			this.before = before;
		}

		@Override
		public String id() {
			return "deciding";
		}

		@Override
		public int order() {
			return 1;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			this.before.accept(write);
			RepositorySkipAndSaveInsteadTests.this.calls.add("before " + write.op() + " skipped=" + write.skipped());
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			RepositorySkipAndSaveInsteadTests.this.calls.add("after " + write.op() + " id=" + write.id()
					+ ((write.op() != WriteOp.INSERT) ? " title=" + write.get("title") : ""));
		}

	}

	private final class Later implements BeforeWritePlugin {

		@Override
		public String id() {
			return "later";
		}

		@Override
		public int order() {
			return 2;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			RepositorySkipAndSaveInsteadTests.this.calls.add("later " + write.op() + " skipped=" + write.skipped());
		}

	}

}
