package dev.plugboard.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the state one entity's write shares between its hooks ({@link EntityWrite}),
 * through {@link PluginRuntime}.
 */
class EntityWriteTests {

	private final DeferredExecutor deferred = new DeferredExecutor(1, 10);

	private final List<Object> seen = new ArrayList<>();

	@AfterEach
	void stop() {
		this.deferred.shutdown(Duration.ZERO);
	}

	@Test
	void storedEntityIsLoadedOnceForAllHooksOfOneWrite() {
		AtomicInteger loads = new AtomicInteger();
		EntityWrite write = new EntityWrite((entity) -> {
			loads.incrementAndGet();
			return "stored";
		});
		PluginRuntime runtime = runtime(new Previous("a"), new Previous("b"));
		runtime.beforeWrite(WriteOp.UPDATE, "entity", "thing", null, write);
		runtime.afterWrite(WriteOp.UPDATE, "entity", 1L, "thing", null, write);
		assertThat(loads).hasValue(1);
		assertThat(this.seen).containsExactly("stored", "stored", "stored", "stored");
	}

	@Test
	void insertHasNoStoredEntityAndLoadsNothing() {
		AtomicInteger loads = new AtomicInteger();
		EntityWrite write = new EntityWrite((entity) -> {
			loads.incrementAndGet();
			return "stored";
		});
		runtime(new Previous("a")).beforeWrite(WriteOp.INSERT, "entity", "thing", null, write);
		assertThat(loads).hasValue(0);
		assertThat(this.seen).containsOnlyNulls();
	}

	@Test
	void largestRetryRequestWinsAndAttemptsCountUpToIt() {
		EntityWrite write = new EntityWrite(null);
		runtime(new Retry("a", 2), new Retry("b", 3)).beforeWrite(WriteOp.INSERT, "entity", "thing", null, write);
		assertThat(write.maxAttempts()).isEqualTo(3);
		assertThat(write.nextAttempt()).isTrue();
		assertThat(write.nextAttempt()).isTrue();
		assertThat(write.nextAttempt()).isFalse();
		assertThat(write.attempt()).isEqualTo(3);
	}

	private PluginRuntime runtime(dev.plugboard.Plugin... plugins) {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		for (dev.plugboard.Plugin plugin : plugins) {
			builder.add(plugin, PluginSource.APPLICATION);
		}
		return new PluginRuntime(builder.build(), HookObserver.NONE, this.deferred);
	}

	private final class Previous implements BeforeWritePlugin, AfterWritePlugin {

		private final String id;

		Previous(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			EntityWriteTests.this.seen.add(write.previous());
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			EntityWriteTests.this.seen.add(write.previous());
		}

	}

	private record Retry(String id, int attempts) implements BeforeWritePlugin {

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			write.retryOnDuplicateKey(this.attempts);
		}

	}

}
