package dev.plugboard.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.NotFound;
import dev.plugboard.OnError;
import dev.plugboard.Plugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.HookObserver.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The after-read dispatch: hiding, replacing, rejecting, and the fault policy of each
 * on-error.
 */
class PluginRuntimeAfterReadTests {

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private final List<String> calls = new ArrayList<>();

	private final List<String> outcomes = new ArrayList<>();

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void readWithoutReadPluginsReturnsTheSameEntity() {
		PluginRuntime runtime = runtime(Map.of());
		Item item = new Item("a", "secret");
		assertThat(runtime.hasReadHooks("item")).isFalse();
		assertThat(runtime.afterRead(item, "item", null)).isSameAs(item);
	}

	@Test
	void readPluginsRunInOrderAndSeeTheEntityTheAggregateAndTheRequest() {
		List<Object> seen = new ArrayList<>();
		PluginRuntime runtime = runtime(Map.of(), read("second", 2, (read) -> this.calls.add("second")),
				read("first", 1, (read) -> {
					this.calls.add("first");
					seen.add(read.entity(Item.class));
					seen.add(read.aggregate());
					seen.add(read.request());
				}));
		Item item = new Item("a", "secret");
		RequestContext request = request();
		assertThat(runtime.afterRead(item, "item", request)).isSameAs(item);
		assertThat(this.calls).containsExactly("first", "second");
		assertThat(seen).containsExactly(item, "item", request);
	}

	@Test
	void hiddenEntityIsDroppedAndLaterPluginsDoNotSeeIt() {
		PluginRuntime runtime = runtime(Map.of(), read("tenant-filter", 1, AfterReadContext::hide),
				read("redact", 2, (read) -> this.calls.add("redact")));
		assertThat(runtime.afterRead(new Item("a", "secret"), "item", null)).isNull();
		assertThat(this.calls).isEmpty();
	}

	@Test
	void replacementIsWhatLaterPluginsSeeAndWhatTheCallerGets() {
		PluginRuntime runtime = runtime(Map.of(), read("redact", 1, (read) -> {
			Item item = read.entity(Item.class);
			read.setEntity(new Item(item.name(), "***"));
		}), read("later", 2, (read) -> this.calls.add(read.entity(Item.class).secret())));
		assertThat(runtime.afterRead(new Item("a", "secret"), "item", null)).isEqualTo(new Item("a", "***"));
		assertThat(this.calls).containsExactly("***");
	}

	@Test
	void rejectionPropagatesAttributedToThePluginAndIsNotAFault() {
		PluginRuntime runtime = runtime(Map.of(), read("tenant-filter", 1, (read) -> {
			throw new NotFound("No such item");
		}));
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> runtime.afterRead(new Item("a", "secret"), "item", null))
			.satisfies((ex) -> assertThat(ex.plugin()).isEqualTo("tenant-filter"));
		assertThat(plugin(runtime, "tenant-filter").faults()).isZero();
		assertThat(this.outcomes).containsExactly("tenant-filter after-read rejected");
	}

	@Test
	void failClosedFaultFailsTheReadNamingThePluginAndTheRequestId() {
		PluginRuntime runtime = runtime(Map.of(), read("tenant-filter", 1, OnError.FAIL_CLOSED, (read) -> {
			throw new IllegalStateException("tenant column missing");
		}));
		RequestContext request = request();
		request.setRequestId("req-7");
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterRead(new Item("a", "secret"), "item", request))
			.satisfies((ex) -> {
				assertThat(ex.pluginId()).isEqualTo("tenant-filter");
				assertThat(ex.hook()).isEqualTo(Hook.AFTER_READ);
				assertThat(ex.correlationId()).isEqualTo("req-7");
				assertThat(ex.getCause()).hasMessage("tenant column missing");
			});
		assertThat(plugin(runtime, "tenant-filter").faults()).isOne();
		assertThat(this.outcomes).containsExactly("tenant-filter after-read fault");
	}

	@Test
	void failOpenFaultKeepsTheEntityAsBeforeThatPluginAndLaterFiltersStillRun() {
		PluginRuntime runtime = runtime(Map.of(), read("redact", 1, (read) -> read.setEntity(new Item("a", "***"))),
				read("broken", 2, (read) -> {
					read.setEntity(new Item("a", "half-done"));
					read.hide();
					throw new IllegalStateException("bug");
				}), read("audit", 3, (read) -> this.calls.add(read.entity(Item.class).secret())));
		assertThat(runtime.afterRead(new Item("a", "secret"), "item", null)).isEqualTo(new Item("a", "***"));
		assertThat(this.calls).containsExactly("***");
		assertThat(plugin(runtime, "broken").faults()).isOne();
	}

	@Test
	void failOpenFaultDoesNotSkipALaterHidingPlugin() {
		PluginRuntime runtime = runtime(Map.of(), read("broken", 1, (read) -> {
			throw new IllegalStateException("bug");
		}), read("tenant-filter", 2, AfterReadContext::hide));
		assertThat(runtime.afterRead(new Item("a", "secret"), "item", null)).isNull();
	}

	@Test
	void manifestCanMakeAReadPluginFailClosed() {
		PluginRuntime runtime = runtime(
				Map.of("broken", new PluginSettings(null, null, List.of(), OnError.FAIL_CLOSED)),
				read("broken", 1, (read) -> {
					throw new IllegalStateException("bug");
				}));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterRead(new Item("a", "secret"), "item", null));
	}

	@Test
	void manifestCanMakeAFailClosedReadPluginFailOpen() {
		Item item = new Item("a", "secret");
		PluginRuntime runtime = runtime(Map.of("broken", new PluginSettings(null, null, List.of(), OnError.FAIL_OPEN)),
				read("broken", 1, OnError.FAIL_CLOSED, (read) -> {
					throw new IllegalStateException("bug");
				}));
		assertThat(runtime.afterRead(item, "item", null)).isSameAs(item);
	}

	@Test
	void replacingWithAnotherTypeIsAFault() {
		PluginRuntime runtime = runtime(Map.of(),
				read("swap", 1, OnError.FAIL_CLOSED, (read) -> read.setEntity("not an item")));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterRead(new Item("a", "secret"), "item", null))
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageContaining(Item.class.getName());
	}

	@Test
	void replacingAHiddenEntityIsAFault() {
		PluginRuntime runtime = runtime(Map.of(), read("confused", 1, OnError.FAIL_CLOSED, (read) -> {
			read.hide();
			read.setEntity(new Item("b", "secret"));
		}));
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> runtime.afterRead(new Item("a", "secret"), "item", null))
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void entitiesRestrictReadHooksToTheListedAggregates() {
		PluginRuntime runtime = runtime(Map.of("tenant-filter", new PluginSettings(null, null, List.of("order"), null)),
				read("tenant-filter", 1, AfterReadContext::hide));
		Item item = new Item("a", "secret");
		assertThat(runtime.hasReadHooks("order")).isTrue();
		assertThat(runtime.hasReadHooks("item")).isFalse();
		assertThat(runtime.afterRead(item, "item", null)).isSameAs(item);
		assertThat(runtime.afterRead(item, "order", null)).isNull();
	}

	@Test
	void disabledReadPluginsAreNotDispatched() {
		PluginRuntime runtime = runtime(Map.of("tenant-filter", new PluginSettings(false, null, List.of(), null)),
				read("tenant-filter", 1, AfterReadContext::hide));
		assertThat(runtime.hasReadHooks("item")).isFalse();
		assertThat(runtime.afterRead(new Item("a", "secret"), "item", null)).isNotNull();
	}

	@Test
	void readHooksDoNotCountAsWriteHooks() {
		PluginRuntime runtime = runtime(Map.of(), read("tenant-filter", 1, AfterReadContext::hide));
		assertThat(runtime.hasWriteHooks()).isFalse();
		assertThat(runtime.hasWriteHooks("item")).isFalse();
	}

	@Test
	void afterReadIsReportedAmongThePluginsHooks() {
		PluginRuntime runtime = runtime(Map.of(), new TenantScope());
		assertThat(plugin(runtime, "tenant-scope").hookNames()).containsExactly("before-write", "after-read");
	}

	private PluginRuntime runtime(Map<String, PluginSettings> manifest, Plugin... plugins) {
		PluginRegistry.Builder builder = PluginRegistry.builder(manifest);
		for (Plugin plugin : plugins) {
			builder.add(plugin, PluginSource.APPLICATION);
		}
		return new PluginRuntime(builder.build(), new RecordingObserver(), this.deferred);
	}

	private static ReadHook read(String id, int order, Consumer<AfterReadContext> action) {
		return new ReadHook(id, order, OnError.FAIL_OPEN, action);
	}

	private static ReadHook read(String id, int order, OnError onError, Consumer<AfterReadContext> action) {
		return new ReadHook(id, order, onError, action);
	}

	private static RegisteredPlugin plugin(PluginRuntime runtime, String id) {
		return runtime.registry().all().stream().filter((plugin) -> plugin.id().equals(id)).findFirst().orElseThrow();
	}

	private static RequestContext request() {
		return new ServletRequestContext(new MockHttpServletRequest("GET", "/items"), new MockHttpServletResponse());
	}

	record Item(String name, String secret) {
	}

	record ReadHook(String id, int order, OnError onError,
			Consumer<AfterReadContext> action) implements AfterReadPlugin {

		@Override
		public void afterRead(AfterReadContext read) {
			this.action.accept(read);
		}

	}

	static final class TenantScope implements BeforeWritePlugin, AfterReadPlugin {

		@Override
		public String id() {
			return "tenant-scope";
		}

		@Override
		public int order() {
			return PluginOrder.APPLICATION;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
		}

		@Override
		public void afterRead(AfterReadContext read) {
		}

	}

	private final class RecordingObserver implements HookObserver {

		@Override
		public int sampleInterval() {
			return 0;
		}

		@Override
		public void timed(RegisteredPlugin plugin, Hook hook, Outcome outcome, long nanos) {
		}

		@Override
		public void outcome(RegisteredPlugin plugin, Hook hook, Outcome outcome) {
			PluginRuntimeAfterReadTests.this.outcomes.add(plugin.id() + " " + hook.tag() + " " + outcome.tag());
		}

	}

}
