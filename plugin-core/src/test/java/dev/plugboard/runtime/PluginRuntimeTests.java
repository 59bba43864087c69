package dev.plugboard.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.Forbidden;
import dev.plugboard.OnError;
import dev.plugboard.Plugin;
import dev.plugboard.PluginException;
import dev.plugboard.RequestContext;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PluginRuntimeTests {

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void beforeRequestRunsEnabledPluginsInOrderThenById() {
		PluginRuntime runtime = runtime(Map.of("off", new PluginSettings(false, null, List.of(), null)),
				recording("third").withOrder(300), recording("first").withOrder(100),
				recording("b-second").withOrder(200), recording("a-second").withOrder(200),
				recording("off").withOrder(1));
		runtime.beforeRequest(request());
		assertThat(this.calls).containsExactly("first", "a-second", "b-second", "third");
	}

	@Test
	void respondStopsTheBeforeRequestChain() {
		PluginRuntime runtime = runtime(Map.of(), TestPlugins.request("cors", (request) -> {
			this.calls.add("cors");
			request.respond(204);
		}).withOrder(1), recording("auth").withOrder(2));
		RequestContext request = request();
		runtime.beforeRequest(request);
		assertThat(this.calls).containsExactly("cors");
		assertThat(request.responded()).isTrue();
		assertThat(request.servletResponse().getStatus()).isEqualTo(204);
	}

	@Test
	void rejectionPropagatesAttributedToThePluginAndStopsTheChain() {
		PluginRuntime runtime = runtime(Map.of(), TestPlugins.request("gate", (request) -> {
			throw new Forbidden("No entry");
		}).withOrder(1), recording("after").withOrder(2));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> runtime.beforeRequest(request()))
			.satisfies((ex) -> {
				assertThat(ex.plugin()).isEqualTo("gate");
				assertThat(ex.status()).isEqualTo(403);
			});
		assertThat(this.calls).isEmpty();
		assertThat(plugin(runtime, "gate").faults()).isZero();
	}

	@Test
	void failOpenFaultIsCountedAndTheRequestGoesOn() {
		PluginRuntime runtime = runtime(Map.of(), faulty("flaky").withOrder(1), recording("after").withOrder(2));
		runtime.beforeRequest(request());
		assertThat(this.calls).containsExactly("after");
		assertThat(plugin(runtime, "flaky").faults()).isEqualTo(1);
	}

	@Test
	void failClosedFaultAnswersWithAFaultNamingThePluginAndTheRequestId() {
		PluginRuntime runtime = runtime(Map.of(), faulty("auth").withOrder(1).withOnError(OnError.FAIL_CLOSED),
				recording("after").withOrder(2));
		RequestContext request = request();
		request.setRequestId("req-42");
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> runtime.beforeRequest(request))
			.satisfies((ex) -> {
				assertThat(ex.pluginId()).isEqualTo("auth");
				assertThat(ex.hook()).isEqualTo(Hook.BEFORE_REQUEST);
				assertThat(ex.correlationId()).isEqualTo("req-42");
				assertThat(ex.getCause()).hasMessage("boom from auth");
			});
		assertThat(this.calls).isEmpty();
		assertThat(plugin(runtime, "auth").faults()).isEqualTo(1);
	}

	@Test
	void manifestOnErrorOverridesThePluginsOwnPolicy() {
		PluginRuntime runtime = runtime(Map.of("auth", new PluginSettings(null, null, List.of(), OnError.FAIL_OPEN)),
				faulty("auth").withOrder(1).withOnError(OnError.FAIL_CLOSED), recording("after").withOrder(2));
		runtime.beforeRequest(request());
		assertThat(this.calls).containsExactly("after");
	}

	@Test
	void manifestCanMakeAPluginFailClosed() {
		PluginRuntime runtime = runtime(Map.of("flaky", new PluginSettings(null, null, List.of(), OnError.FAIL_CLOSED)),
				faulty("flaky"));
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> runtime.beforeRequest(request()));
	}

	@Test
	void beforeRequestKeepsWorkingAfterAFault() {
		PluginRuntime runtime = runtime(Map.of(), faulty("auth").withOnError(OnError.FAIL_CLOSED));
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> runtime.beforeRequest(request()));
		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> runtime.beforeRequest(request()));
		assertThat(plugin(runtime, "auth").faults()).isEqualTo(2);
	}

	@Test
	void beforeWriteReplacementIsWhatLaterPluginsSeeAndWhatIsWritten() {
		PluginRuntime runtime = runtime(Map.of(), new TestPlugins.BeforeHook("slug", 1, (write) -> {
			Item item = write.entity(Item.class);
			write.setEntity(new Item(item.name(), item.name().toLowerCase()));
		}), new TestPlugins.BeforeHook("check", 2, (write) -> this.calls.add(write.entity(Item.class).slug())));
		Object written = runtime.beforeWrite(WriteOp.INSERT, new Item("Hello", null), "item", null);
		assertThat(written).isEqualTo(new Item("Hello", "hello"));
		assertThat(this.calls).containsExactly("hello");
	}

	@Test
	void beforeWriteWithoutPluginsReturnsTheSameEntity() {
		PluginRuntime runtime = runtime(Map.of());
		Item item = new Item("a", "a");
		assertThat(runtime.beforeWrite(WriteOp.UPDATE, item, "item", null)).isSameAs(item);
	}

	@Test
	void beforeWriteRejectionIsAttributedAndStopsLaterPlugins() {
		PluginRuntime runtime = runtime(Map.of(), new TestPlugins.BeforeHook("validate", 1, (write) -> {
			throw new ValidationFailed("name-required", "name is required");
		}), new TestPlugins.BeforeHook("later", 2, (write) -> this.calls.add("later")));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> runtime.beforeWrite(WriteOp.INSERT, new Item("", null), "item", null))
			.satisfies((ex) -> {
				assertThat(ex.plugin()).isEqualTo("validate");
				assertThat(ex.code()).isEqualTo("name-required");
			});
		assertThat(this.calls).isEmpty();
	}

	@Test
	void beforeWriteFaultStopsTheWrite() {
		PluginRuntime runtime = runtime(Map.of(), new TestPlugins.BeforeHook("broken", 1, (write) -> {
			throw new IllegalStateException("broken");
		}));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.beforeWrite(WriteOp.INSERT, new Item("a", null), "item", null))
			.satisfies((ex) -> {
				assertThat(ex.pluginId()).isEqualTo("broken");
				assertThat(ex.hook()).isEqualTo(Hook.BEFORE_WRITE);
			});
		assertThat(plugin(runtime, "broken").faults()).isEqualTo(1);
	}

	@Test
	void replacingTheEntityOfADeleteIsAFault() {
		PluginRuntime runtime = runtime(Map.of(),
				new TestPlugins.BeforeHook("swap", 1, (write) -> write.setEntity(new Item("other", null))));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.beforeWrite(WriteOp.DELETE, new Item("a", null), "item", null))
			.withRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void replacingTheEntityWithAnotherTypeIsAFault() {
		PluginRuntime runtime = runtime(Map.of(),
				new TestPlugins.BeforeHook("swap", 1, (write) -> write.setEntity("not an item")));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.beforeWrite(WriteOp.UPDATE, new Item("a", null), "item", null))
			.havingRootCause()
			.withMessageContaining(Item.class.getName());
	}

	@Test
	void afterWriteSeesTheOperationTheIdAndTheRequest() {
		List<Object> seen = new ArrayList<>();
		PluginRuntime runtime = runtime(Map.of(), TestPlugins.afterWrite("audit", (write) -> {
			seen.add(write.op());
			seen.add(write.id());
			seen.add(write.aggregate());
			seen.add(write.request());
		}));
		RequestContext request = request();
		runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 42L, "item", request);
		assertThat(seen).containsExactly(WriteOp.INSERT, 42L, "item", request);
	}

	@Test
	void afterWriteFaultIsContainedAndLaterPluginsStillRun() {
		PluginRuntime runtime = runtime(Map.of(), new TestPlugins.AfterHook("broken", 1, (write) -> {
			throw new IllegalStateException("broken");
		}), new TestPlugins.AfterHook("audit", 2, (write) -> this.calls.add("audit")));
		runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "item", null);
		assertThat(this.calls).containsExactly("audit");
		assertThat(plugin(runtime, "broken").faults()).isEqualTo(1);
	}

	@Test
	void afterWriteDatabaseErrorAbortsTheWrite() {
		PluginRuntime runtime = runtime(Map.of(), new TestPlugins.AfterHook("audit", 1, (write) -> {
			throw new DataIntegrityViolationException("audit_log.entity_id is null");
		}), new TestPlugins.AfterHook("later", 2, (write) -> this.calls.add("later")));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "item", null))
			.satisfies((ex) -> {
				assertThat(ex.pluginId()).isEqualTo("audit");
				assertThat(ex.hook()).isEqualTo(Hook.AFTER_WRITE);
				assertThat(ex.getCause()).isInstanceOf(DataIntegrityViolationException.class);
			});
		assertThat(this.calls).isEmpty();
	}

	@Test
	void afterWriteDatabaseErrorWrappedInAnotherExceptionStillAbortsTheWrite() {
		PluginRuntime runtime = runtime(Map.of(), new TestPlugins.AfterHook("audit", 1, (write) -> {
			throw new IllegalStateException("could not record", new java.sql.SQLException("connection lost"));
		}));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterWrite(WriteOp.UPDATE, new Item("a", null), 1L, "item", null));
	}

	@Test
	void entitiesRestrictWriteHooksToTheListedAggregates() {
		PluginRuntime runtime = runtime(Map.of("audit", new PluginSettings(null, null, List.of("order"), null)),
				TestPlugins.beforeWrite("audit", (write) -> this.calls.add("before " + write.aggregate())),
				TestPlugins.afterWrite("notify", (write) -> this.calls.add("after " + write.aggregate())));
		runtime.beforeWrite(WriteOp.INSERT, new Item("a", null), "user", null);
		runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "user", null);
		runtime.beforeWrite(WriteOp.INSERT, new Item("a", null), "order", null);
		runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "order", null);
		assertThat(this.calls).containsExactly("after user", "before order", "after order");
	}

	@Test
	void disabledPluginsAreNotDispatched() {
		PluginRuntime runtime = runtime(Map.of("audit", new PluginSettings(false, null, List.of(), null)),
				TestPlugins.beforeWrite("audit", (write) -> this.calls.add("audit")));
		runtime.beforeWrite(WriteOp.INSERT, new Item("a", null), "item", null);
		assertThat(this.calls).isEmpty();
		assertThat(runtime.hasWriteHooks()).isFalse();
		assertThat(runtime.hasBeforeRequestHooks()).isFalse();
	}

	@Test
	void deferredWorkOutsideATransactionRunsOnTheExecutor() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		List<String> threads = new CopyOnWriteArrayList<>();
		PluginRuntime runtime = runtime(Map.of(), TestPlugins.afterWrite("notify", (write) -> write.defer(() -> {
			threads.add(Thread.currentThread().getName());
			ran.countDown();
		})));
		runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "item", null);
		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(threads).singleElement().asString().startsWith("plugboard-deferred-");
	}

	@Test
	void deferredWorkWaitsForTheCommit() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		PluginRuntime runtime = runtime(Map.of(),
				TestPlugins.afterWrite("notify", (write) -> write.defer(ran::countDown)));
		TransactionSynchronizationManager.initSynchronization();
		try {
			runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "item", null);
			assertThat(this.deferred.submitted()).isZero();
			List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
			TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
			TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations,
					TransactionSynchronization.STATUS_COMMITTED);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.deferred.submitted()).isEqualTo(1);
	}

	@Test
	void deferredWorkIsDroppedOnRollback() {
		PluginRuntime runtime = runtime(Map.of(),
				TestPlugins.afterWrite("notify", (write) -> write.defer(() -> this.calls.add("ran"))));
		TransactionSynchronizationManager.initSynchronization();
		try {
			runtime.afterWrite(WriteOp.INSERT, new Item("a", null), 1L, "item", null);
			TransactionSynchronizationUtils.invokeAfterCompletion(
					TransactionSynchronizationManager.getSynchronizations(),
					TransactionSynchronization.STATUS_ROLLED_BACK);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		this.deferred.shutdown(Duration.ofSeconds(10));
		assertThat(this.deferred.submitted()).isZero();
		assertThat(this.calls).isEmpty();
	}

	@Test
	void routePluginsAreTheEnabledOnesInOrder() {
		PluginRuntime runtime = runtime(Map.of("off-routes", new PluginSettings(false, null, List.of(), null)),
				new Routes("health", 2), new Routes("off-routes", 1), new Routes("admin", 1));
		assertThat(runtime.routePlugins()).extracting(RegisteredPlugin::id).containsExactly("admin", "health");
	}

	private PluginRuntime runtime(Map<String, PluginSettings> manifest, Plugin... plugins) {
		PluginRegistry.Builder builder = PluginRegistry.builder(manifest);
		for (Plugin plugin : plugins) {
			builder.add(plugin, PluginSource.APPLICATION);
		}
		return new PluginRuntime(builder.build(), HookObserver.NONE, this.deferred);
	}

	private TestPlugins.RequestHook recording(String id) {
		return TestPlugins.request(id, (request) -> this.calls.add(id));
	}

	private static TestPlugins.RequestHook faulty(String id) {
		return TestPlugins.request(id, (request) -> {
			throw new IllegalStateException("boom from " + id);
		});
	}

	private static RegisteredPlugin plugin(PluginRuntime runtime, String id) {
		return runtime.registry().all().stream().filter((plugin) -> plugin.id().equals(id)).findFirst().orElseThrow();
	}

	private static RequestContext request() {
		return new ServletRequestContext(new MockHttpServletRequest("GET", "/orders"), new MockHttpServletResponse());
	}

	record Item(String name, String slug) {
	}

	record Routes(String id, int order) implements RoutesPlugin {

		@Override
		public org.springframework.web.servlet.function.RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/" + this.id, (request) -> ServerResponse.ok().build()).build();
		}

	}

}
