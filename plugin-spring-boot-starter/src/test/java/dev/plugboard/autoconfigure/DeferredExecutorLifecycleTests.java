package dev.plugboard.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.runtime.DeferredExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class DeferredExecutorLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class))
		.withUserConfiguration(ReleaseOnStopConfiguration.class)
		.withPropertyValues("plugboard.deferred.threads=1");

	@Test
	void closingTheContextDrainsQueuedDeferredWork() {
		List<String> ran = new CopyOnWriteArrayList<>();
		DeferredExecutor[] executor = new DeferredExecutor[1];
		this.contextRunner.withPropertyValues("plugboard.deferred.shutdown-timeout=1m").run((context) -> {
			executor[0] = context.getBean(DeferredExecutor.class);
			occupy(executor[0], context.getBean(ReleaseOnStop.class).release, ran);
			executor[0].submit("notify", () -> ran.add("queued"));
		});
		assertThat(executor[0].submit("notify", () -> ran.add("late"))).isFalse();
		assertThat(ran).containsExactly("occupying", "queued");
		assertThat(executor[0].completed()).isEqualTo(2);
	}

	@Test
	void workThatCannotStartWithinTheShutdownTimeoutIsDropped() {
		List<String> ran = new CopyOnWriteArrayList<>();
		DeferredExecutor[] executor = new DeferredExecutor[1];
		this.contextRunner.withPropertyValues("plugboard.deferred.shutdown-timeout=0s").run((context) -> {
			executor[0] = context.getBean(DeferredExecutor.class);
			occupy(executor[0], new CountDownLatch(1), ran);
			executor[0].submit("notify", () -> ran.add("queued"));
		});
		assertThat(ran).doesNotContain("queued");
		assertThat(executor[0].rejected()).isEqualTo(1);
		assertThat(executor[0].submit("notify", () -> ran.add("late"))).isFalse();
	}

	private static void occupy(DeferredExecutor executor, CountDownLatch release, List<String> ran)
			throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		executor.submit("notify", () -> {
			started.countDown();
			try {
				release.await();
				ran.add("occupying");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	static class ReleaseOnStopConfiguration {

		@Bean
		ReleaseOnStop releaseOnStop() {
			return new ReleaseOnStop();
		}

	}

	/**
	 * Stands for the web server: stops before the executor drains, and lets the running
	 * task finish when it stops.
	 */
	static final class ReleaseOnStop implements SmartLifecycle {

		final CountDownLatch release = new CountDownLatch(1);

		private volatile boolean running;

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			this.release.countDown();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

}
