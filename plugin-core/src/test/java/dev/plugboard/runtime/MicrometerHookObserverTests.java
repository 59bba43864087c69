package dev.plugboard.runtime;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.Plugin;
import dev.plugboard.RateLimited;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MicrometerHookObserverTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeferredExecutor deferred = new DeferredExecutor(1, 1);

	@AfterEach
	void stopExecutor() {
		this.deferred.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void rejectionIsCountedWithPluginHookAndOutcomeTags() {
		PluginRuntime runtime = runtime(16, TestPlugins.request("rate-limit", (request) -> {
			throw new RateLimited(5);
		}));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(RateLimited.class).isThrownBy(() -> runtime.beforeRequest(request()));
		}
		Counter rejections = this.registry.get("plugboard.hook.outcomes")
			.tags("plugin", "rate-limit", "hook", "before-request", "outcome", "rejected")
			.counter();
		assertThat(rejections.count()).isEqualTo(3);
	}

	@Test
	void faultIsCountedWithPluginHookAndOutcomeTags() {
		PluginRuntime runtime = runtime(16, TestPlugins.afterWrite("notify", (write) -> {
			throw new IllegalStateException("boom");
		}));
		runtime.afterWrite(WriteOp.INSERT, "entity", 1L, "item", null);
		runtime.afterWrite(WriteOp.INSERT, "entity", 2L, "item", null);
		Counter faults = this.registry.get("plugboard.hook.outcomes")
			.tags("plugin", "notify", "hook", "after-write", "outcome", "fault")
			.counter();
		assertThat(faults.count()).isEqualTo(2);
	}

	@Test
	void beforeWriteRejectionIsCountedUnderItsHook() {
		PluginRuntime runtime = runtime(16, TestPlugins.beforeWrite("validate", (write) -> {
			throw new ValidationFailed("invalid", "invalid");
		}));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> runtime.beforeWrite(WriteOp.INSERT, "entity", "item", null));
		assertThat(this.registry.get("plugboard.hook.outcomes")
			.tags("plugin", "validate", "hook", "before-write", "outcome", "rejected")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void everyCallIsTimedWhenTheIntervalIsOne() {
		PluginRuntime runtime = runtime(1, TestPlugins.request("request-id", (request) -> {
		}), TestPlugins.beforeWrite("slug", (write) -> {
		}));
		for (int i = 0; i < 5; i++) {
			runtime.beforeRequest(request());
			runtime.beforeWrite(WriteOp.INSERT, "entity", "item", null);
		}
		Timer requests = this.registry.get("plugboard.hook")
			.tags("plugin", "request-id", "hook", "before-request", "outcome", "success")
			.timer();
		Timer writes = this.registry.get("plugboard.hook")
			.tags("plugin", "slug", "hook", "before-write", "outcome", "success")
			.timer();
		assertThat(requests.count()).isEqualTo(5);
		assertThat(writes.count()).isEqualTo(5);
	}

	@Test
	void timedRejectionIsTaggedRejected() {
		PluginRuntime runtime = runtime(1, TestPlugins.request("gate", (request) -> {
			throw new RateLimited(1);
		}));
		assertThatExceptionOfType(RateLimited.class).isThrownBy(() -> runtime.beforeRequest(request()));
		assertThat(this.registry.get("plugboard.hook")
			.tags("plugin", "gate", "hook", "before-request", "outcome", "rejected")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void noCallIsTimedWhenTheIntervalIsZeroButOutcomesAreStillCounted() {
		PluginRuntime runtime = runtime(0, TestPlugins.request("flaky", (request) -> {
			throw new IllegalStateException("boom");
		}));
		runtime.beforeRequest(request());
		assertThat(this.registry.find("plugboard.hook").timers()).isEmpty();
		assertThat(this.registry.get("plugboard.hook.outcomes").tag("outcome", "fault").counter().count()).isEqualTo(1);
	}

	@Test
	void intervalMustBeZeroOrAPowerOfTwo() {
		assertThat(MicrometerHookObserver.isValidSampleInterval(0)).isTrue();
		assertThat(MicrometerHookObserver.isValidSampleInterval(1)).isTrue();
		assertThat(MicrometerHookObserver.isValidSampleInterval(1024)).isTrue();
		assertThat(MicrometerHookObserver.isValidSampleInterval(3)).isFalse();
		assertThat(MicrometerHookObserver.isValidSampleInterval(-2)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new MicrometerHookObserver(this.registry, 12))
			.withMessageContaining("power of two");
	}

	private PluginRuntime runtime(int sampleInterval, Plugin... plugins) {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		for (Plugin plugin : plugins) {
			builder.add(plugin, PluginSource.APPLICATION);
		}
		return new PluginRuntime(builder.build(), new MicrometerHookObserver(this.registry, sampleInterval),
				this.deferred);
	}

	private static ServletRequestContext request() {
		return new ServletRequestContext(new MockHttpServletRequest(), new MockHttpServletResponse());
	}

}
