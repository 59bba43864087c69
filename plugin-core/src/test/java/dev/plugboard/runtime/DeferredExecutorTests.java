package dev.plugboard.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeferredExecutorTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch started = new CountDownLatch(1);

	private final List<String> ran = new CopyOnWriteArrayList<>();

	private DeferredExecutor executor = new DeferredExecutor(1, 2);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.executor.shutdown(Duration.ofSeconds(10));
	}

	@Test
	void fullQueueDropsTheTaskAndCountsIt() throws InterruptedException {
		occupyTheWorker();
		assertThat(this.executor.submit("a", () -> this.ran.add("queued-1"))).isTrue();
		assertThat(this.executor.submit("a", () -> this.ran.add("queued-2"))).isTrue();
		assertThat(this.executor.submit("a", () -> this.ran.add("dropped"))).isFalse();
		assertThat(this.executor.queued()).isEqualTo(2);
		assertThat(this.executor.active()).isEqualTo(1);
		assertThat(this.executor.rejected()).isEqualTo(1);
		assertThat(this.executor.submitted()).isEqualTo(3);
		this.release.countDown();
		this.executor.shutdown(Duration.ofSeconds(10));
		assertThat(this.ran).containsExactly("queued-1", "queued-2");
		assertThat(this.executor.completed()).isEqualTo(3);
	}

	@Test
	void failingTaskIsCountedAndTheWorkerGoesOn() {
		this.executor.submit("a", () -> {
			throw new IllegalStateException("boom");
		});
		this.executor.submit("a", () -> this.ran.add("next"));
		this.executor.shutdown(Duration.ofSeconds(10));
		assertThat(this.executor.failed()).isEqualTo(1);
		assertThat(this.executor.completed()).isEqualTo(1);
		assertThat(this.ran).containsExactly("next");
	}

	@Test
	void shutdownDrainsQueuedTasks() throws InterruptedException {
		occupyTheWorker();
		this.executor.submit("a", () -> this.ran.add("queued"));
		this.release.countDown();
		int dropped = this.executor.shutdown(Duration.ofSeconds(10));
		assertThat(dropped).isZero();
		assertThat(this.ran).containsExactly("queued");
	}

	@Test
	void shutdownDropsQueuedTasksThatDoNotStartInTime() throws InterruptedException {
		occupyTheWorker();
		this.executor.submit("a", () -> this.ran.add("queued-1"));
		this.executor.submit("a", () -> this.ran.add("queued-2"));
		int dropped = this.executor.shutdown(Duration.ZERO);
		assertThat(dropped).isEqualTo(2);
		assertThat(this.executor.rejected()).isEqualTo(2);
		assertThat(this.ran).isEmpty();
	}

	@Test
	void tasksSubmittedAfterShutdownAreRejected() {
		this.executor.shutdown(Duration.ofSeconds(10));
		assertThat(this.executor.submit("a", () -> this.ran.add("late"))).isFalse();
		assertThat(this.executor.rejected()).isEqualTo(1);
	}

	@Test
	void capacityIsTheQueueSize() {
		this.executor = new DeferredExecutor(2, 50);
		assertThat(this.executor.capacity()).isEqualTo(50);
	}

	@Test
	void threadsAndCapacityMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeferredExecutor(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new DeferredExecutor(1, 0));
	}

	private void occupyTheWorker() throws InterruptedException {
		this.executor.submit("a", () -> {
			this.started.countDown();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();
	}

}
