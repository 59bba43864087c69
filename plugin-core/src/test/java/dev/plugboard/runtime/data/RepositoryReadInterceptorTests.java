package dev.plugboard.runtime.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.AbstractEntityInformation;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.OnError;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The after-read hooks on a real Spring Data repository proxy, with the store replaced by
 * a map: tickets titled {@code hidden} are hidden by the read plugin.
 */
class RepositoryReadInterceptorTests {

	private final CountingTransactionManager transactionManager = new CountingTransactionManager();

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private final List<String> calls = new ArrayList<>();

	private final ShelfFactory factory = new ShelfFactory();

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(5));
	}

	@Test
	void findersLeaveHiddenEntitiesOut() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(1L, new Ticket(1L, "a"));
		this.factory.store.rows.put(2L, new Ticket(2L, "hidden"));
		assertThat(repository.findById(1L)).isPresent();
		assertThat(repository.findById(2L)).isEmpty();
		assertThat(repository.findAll()).extracting((ticket) -> ticket.title).containsExactly("a");
		assertThat(repository.findAllById(List.of(1L, 2L))).extracting((ticket) -> ticket.title).containsExactly("a");
		try (Stream<Ticket> stream = repository.streamAll()) {
			assertThat(stream).extracting((ticket) -> ticket.title).containsExactly("a");
		}
	}

	@Test
	void readsOpenNoTransaction() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(1L, new Ticket(1L, "a"));
		repository.findAll();
		repository.findById(1L);
		assertThat(this.calls).containsExactly("read a tx=false", "read a tx=false");
		assertThat(this.transactionManager.begun).isZero();
	}

	@Test
	void countAndExistsByIdAreNotFiltered() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(2L, new Ticket(2L, "hidden"));
		assertThat(repository.count()).isOne();
		assertThat(repository.existsById(2L)).isTrue();
		assertThat(this.calls).isEmpty();
	}

	@Test
	void readWithoutApplicableReadHooksReturnsTheStoresOwnResult() {
		ShelfRepository repository = repository(Map.of("hider", new PluginSettings(null, null, List.of("order"), null)),
				OnError.FAIL_OPEN);
		this.factory.store.rows.put(2L, new Ticket(2L, "hidden"));
		Stream<Ticket> stream = repository.streamAll();
		assertThat(stream).isSameAs(this.factory.store.lastStream);
		assertThat(repository.findAll()).isSameAs(this.factory.store.lastList).hasSize(1);
		assertThat(repository.asArray()).hasSize(1);
		assertThat(this.calls).isEmpty();
	}

	@Test
	void failClosedFaultFailsTheReadAndFailOpenReturnsTheRows() {
		ShelfRepository closed = repository(Map.of(), OnError.FAIL_CLOSED);
		this.factory.store.rows.put(1L, new Ticket(1L, "boom"));
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(closed::findAll)
			.satisfies((ex) -> assertThat(ex.pluginId()).isEqualTo("hider"));
		ShelfRepository open = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(1L, new Ticket(1L, "boom"));
		assertThat(open.findAll()).extracting((ticket) -> ticket.title).containsExactly("boom");
	}

	@Test
	void entitiesInAShapeThatCannotBeFilteredAreRefusedWhileReadHooksApply() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(repository::asArray)
			.withMessageContaining(ShelfRepository.class.getName() + ".asArray")
			.withMessageContaining("Ticket[]");
	}

	@Test
	void deleteByIdOfHiddenEntityDeletesNothingAndRunsNoWriteHooks() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(2L, new Ticket(2L, "hidden"));
		repository.deleteById(2L);
		assertThat(this.factory.store.rows).containsKey(2L);
		assertThat(this.calls).containsExactly("read hidden tx=true");
	}

	@Test
	void deleteByIdOfVisibleEntityShowsTheStoredEntityToTheWriteHooks() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(1L, new Ticket(1L, "a"));
		repository.deleteById(1L);
		assertThat(this.factory.store.rows).isEmpty();
		assertThat(this.calls).containsExactly("read a tx=true", "before DELETE a", "after DELETE a");
	}

	@Test
	void deleteByIdOfHiddenEntityDeletesNothingWhenOnlyReadHooksApply() {
		ShelfRepository repository = repository(Map.of("writer", new PluginSettings(false, null, List.of(), null)),
				OnError.FAIL_OPEN);
		this.factory.store.rows.put(2L, new Ticket(2L, "hidden"));
		repository.deleteById(2L);
		repository.deleteAllById(List.of(2L));
		assertThat(this.factory.store.rows).containsKey(2L);
	}

	@Test
	void deleteAllByIdDeletesOnlyTheVisibleEntities() {
		ShelfRepository repository = repository(Map.of(), OnError.FAIL_OPEN);
		this.factory.store.rows.put(1L, new Ticket(1L, "a"));
		this.factory.store.rows.put(2L, new Ticket(2L, "hidden"));
		this.factory.store.rows.put(3L, new Ticket(3L, "b"));
		repository.deleteAllById(List.of(1L, 2L, 3L, 4L));
		assertThat(this.factory.store.rows).containsOnlyKeys(2L);
		assertThat(this.calls).filteredOn((call) -> call.startsWith("after"))
			.containsExactly("after DELETE a", "after DELETE b");
	}

	private ShelfRepository repository(Map<String, PluginSettings> manifest, OnError onError) {
		PluginRegistry registry = PluginRegistry.builder(manifest)
			.add(new Hider(onError), PluginSource.APPLICATION)
			.add(new Writer(), PluginSource.APPLICATION)
			.build();
		PluginRuntime runtime = new PluginRuntime(registry, HookObserver.NONE, this.deferred);
		ShelfFactory factory = new ShelfFactory(this.factory.store);
		new WriteHooksRepositoryFactoryCustomizer(() -> runtime, () -> new TransactionTemplate(this.transactionManager),
				AggregateNames.simpleClassName(), true)
			.customize(factory);
		return factory.getRepository(ShelfRepository.class);
	}

	interface ShelfRepository extends TicketRepository {

		Stream<Ticket> streamAll();

		Ticket[] asArray();

	}

	/**
	 * The map store, with two more finders, remembering the last list and stream it
	 * returned.
	 */
	static class ShelfStore extends InMemoryRepository {

		@Nullable List<Ticket> lastList;

		@Nullable Stream<Ticket> lastStream;

		@Override
		public List<Ticket> findAll() {
			this.lastList = super.findAll();
			return this.lastList;
		}

		public Stream<Ticket> streamAll() {
			this.lastStream = super.findAll().stream();
			return this.lastStream;
		}

		public Ticket[] asArray() {
			return super.findAll().toArray(Ticket[]::new);
		}

	}

	static class ShelfFactory extends RepositoryFactorySupport {

		final ShelfStore store;

		ShelfFactory() {
			this(new ShelfStore());
		}

		ShelfFactory(ShelfStore store) {
			this.store = store;
		}

		@Override
		public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
			return new AbstractEntityInformation<Ticket, Long>(Ticket.class) {

				@Override
				public @Nullable Long getId(Ticket entity) {
					return entity.id;
				}

				@Override
				public Class<Long> getIdType() {
					return Long.class;
				}

			};
		}

		@Override
		protected Object getTargetRepository(RepositoryInformation metadata) {
			return this.store;
		}

		@Override
		protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
			return ShelfStore.class;
		}

	}

	private final class Hider implements AfterReadPlugin {

		private final OnError onError;

		Hider(OnError onError) {
			this.onError = onError;
		}

		@Override
		public String id() {
			return "hider";
		}

		@Override
		public OnError onError() {
			return this.onError;
		}

		@Override
		public void afterRead(AfterReadContext read) {
			Ticket ticket = read.entity(Ticket.class);
			RepositoryReadInterceptorTests.this.calls.add("read " + ticket.title + " tx="
					+ org.springframework.transaction.support.TransactionSynchronizationManager
						.isActualTransactionActive());
			if (ticket.title.equals("boom")) {
				throw new IllegalStateException("boom");
			}
			if (ticket.title.equals("hidden")) {
				read.hide();
			}
		}

	}

	private final class Writer implements BeforeWritePlugin, AfterWritePlugin {

		@Override
		public String id() {
			return "writer";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			record("before", write.op() + " " + write.entity(Ticket.class).title);
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			record("after", write.op() + " " + write.entity(Ticket.class).title);
		}

		private void record(String hook, String what) {
			RepositoryReadInterceptorTests.this.calls.add(hook + " " + what);
		}

	}

}
