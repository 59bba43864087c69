package dev.plugboard.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeferredExecutorMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void metersReportTheExecutorsCounts() throws InterruptedException {
		DeferredExecutor executor = new DeferredExecutor(1, 1);
		new DeferredExecutorMetrics(executor).bindTo(this.registry);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		executor.submit("a", () -> {
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		executor.submit("a", () -> {
			throw new IllegalStateException("boom");
		});
		executor.submit("a", () -> {
		});
		assertThat(gauge("plugboard.deferred.active")).isEqualTo(1);
		assertThat(gauge("plugboard.deferred.queued")).isEqualTo(1);
		assertThat(counter("plugboard.deferred.rejected")).isEqualTo(1);
		release.countDown();
		executor.shutdown(Duration.ofSeconds(10));
		assertThat(counter("plugboard.deferred.completed")).isEqualTo(1);
		assertThat(counter("plugboard.deferred.failed")).isEqualTo(1);
		assertThat(gauge("plugboard.deferred.queued")).isZero();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double counter(String name) {
		return this.registry.get(name).functionCounter().count();
	}

}
