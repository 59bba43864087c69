package dev.plugboard.runtime.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The interceptor on a real Spring Data repository proxy, with the store replaced by a
 * map.
 */
class RepositoryWriteInterceptorTests {

	private final CountingTransactionManager transactionManager = new CountingTransactionManager();

	private final List<String> calls = new ArrayList<>();

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private InMemoryRepositoryFactory factory = new InMemoryRepositoryFactory();

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(5));
	}

	private TicketRepository repository(Map<String, PluginSettings> manifest, Consumer<BeforeWriteContext> before) {
		PluginRegistry registry = PluginRegistry.builder(manifest)
			.add(new Recorder(before), PluginSource.APPLICATION)
			.build();
		PluginRuntime runtime = new PluginRuntime(registry, HookObserver.NONE, this.deferred);
		this.factory = new InMemoryRepositoryFactory();
		new WriteHooksRepositoryFactoryCustomizer(() -> runtime, () -> new TransactionTemplate(this.transactionManager),
				AggregateNames.simpleClassName(), true)
			.customize(this.factory);
		return this.factory.getRepository(TicketRepository.class);
	}

	private TicketRepository repository(Consumer<BeforeWriteContext> before) {
		return repository(Map.of(), before);
	}

	@Test
	void saveWithoutTransactionRunsHooksAndStatementInOneTransactionTheInterceptorOpens() {
		TicketRepository repository = repository((write) -> {
		});
		repository.save(new Ticket(null, "first"));
		assertThat(this.calls).containsExactly("before INSERT ticket tx=true", "after INSERT ticket id=1 tx=true");
		assertThat(this.factory.store.statementsInTransaction).containsExactly(true);
		assertThat(this.transactionManager.begun).isOne();
		assertThat(this.transactionManager.committed).isOne();
	}

	@Test
	void noApplicableWriteHookMeansNoTransactionIsOpened() {
		TicketRepository repository = repository(
				Map.of("recorder", new PluginSettings(null, null, List.of("order"), null)), (write) -> {
				});
		repository.save(new Ticket(null, "first"));
		repository.deleteById(1L);
		assertThat(this.calls).isEmpty();
		assertThat(this.transactionManager.begun).isZero();
		assertThat(this.factory.store.statementsInTransaction).containsExactly(false, false);
	}

	@Test
	void beforeWriteRejectionRollsBackAndStoresNothing() {
		TicketRepository repository = repository((write) -> {
			throw new ValidationFailed("title-required", "A ticket needs a title");
		});
		assertThatExceptionOfType(ValidationFailed.class).isThrownBy(() -> repository.save(new Ticket(null, "")))
			.satisfies((ex) -> assertThat(ex.plugin()).isEqualTo("recorder"));
		assertThat(this.factory.store.rows).isEmpty();
		assertThat(this.transactionManager.rolledBack).isOne();
		assertThat(this.transactionManager.committed).isZero();
	}

	@Test
	void saveAndFlushIsTreatedAsSave() {
		TicketRepository repository = repository((write) -> {
		});
		Ticket ticket = repository.saveAndFlush(new Ticket(null, "first"));
		repository.saveAndFlush(ticket);
		assertThat(this.calls).containsExactly("before INSERT ticket tx=true", "after INSERT ticket id=1 tx=true",
				"before UPDATE ticket tx=true", "after UPDATE ticket id=1 tx=true");
	}

	@Test
	void saveAllAndFlushFiresPerEntity() {
		TicketRepository repository = repository((write) -> {
		});
		repository.saveAllAndFlush(List.of(new Ticket(null, "a"), new Ticket(null, "b")));
		assertThat(this.calls).containsExactly("before INSERT ticket tx=true", "before INSERT ticket tx=true",
				"after INSERT ticket id=1 tx=true", "after INSERT ticket id=2 tx=true");
		assertThat(this.transactionManager.begun).isOne();
	}

	@Test
	void deleteAllByIdInBatchFiresForEachEntityFound() {
		TicketRepository repository = repository((write) -> {
		});
		repository.saveAll(List.of(new Ticket(null, "a"), new Ticket(null, "b")));
		this.calls.clear();
		repository.deleteAllByIdInBatch(List.of(1L, 2L, 3L));
		assertThat(this.calls).containsExactly("before DELETE ticket tx=true", "before DELETE ticket tx=true",
				"after DELETE ticket id=1 tx=true", "after DELETE ticket id=2 tx=true");
		assertThat(this.factory.store.rows).isEmpty();
	}

	@Test
	void deleteAllInBatchOfEntitiesFiresPerEntity() {
		TicketRepository repository = repository((write) -> {
		});
		List<Ticket> tickets = repository.saveAll(List.of(new Ticket(null, "a"), new Ticket(null, "b")));
		this.calls.clear();
		repository.deleteAllInBatch(tickets);
		assertThat(this.calls).containsExactly("before DELETE ticket tx=true", "before DELETE ticket tx=true",
				"after DELETE ticket id=1 tx=true", "after DELETE ticket id=2 tx=true");
	}

	@Test
	void deleteByIdOfMissingEntityRunsNoHooks() {
		TicketRepository repository = repository((write) -> {
		});
		repository.deleteById(42L);
		assertThat(this.calls).isEmpty();
		assertThat(this.factory.store.statementsInTransaction).containsExactly(true);
	}

	@Test
	void writesWithoutEntitiesRunWithoutHooks() {
		TicketRepository repository = repository((write) -> {
		});
		repository.save(new Ticket(null, "a"));
		this.calls.clear();
		repository.deleteAll();
		repository.deleteAllInBatch();
		assertThat(this.calls).isEmpty();
		assertThat(this.factory.store.rows).isEmpty();
	}

	@Test
	void batchMethodsWithoutEntitiesAreReported() {
		assertThat(WriteMethod.unsupported(this.factory.information(TicketRepository.class)))
			.containsExactly("deleteAll()", "deleteAllInBatch()");
	}

	@Test
	void snakeCasedClassNameIsTheDefaultAggregateName() {
		assertThat(AggregateNames.snakeCase(UserAccount.class)).isEqualTo("user_account");
	}

	static class UserAccount {

	}

	private final class Recorder implements BeforeWritePlugin, AfterWritePlugin {

		private final Consumer<BeforeWriteContext> before;

		Recorder(Consumer<BeforeWriteContext> before) {
			this.before = before;
		}

		@Override
		public String id() {
			return "recorder";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			RepositoryWriteInterceptorTests.this.calls.add("before " + write.op() + " " + write.aggregate() + " tx="
					+ TransactionSynchronizationManager.isActualTransactionActive());
			this.before.accept(write);
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			assertThat(write.op()).isIn(WriteOp.INSERT, WriteOp.UPDATE, WriteOp.DELETE);
			RepositoryWriteInterceptorTests.this.calls.add("after " + write.op() + " " + write.aggregate() + " id="
					+ write.id() + " tx=" + TransactionSynchronizationManager.isActualTransactionActive());
		}

	}

}
