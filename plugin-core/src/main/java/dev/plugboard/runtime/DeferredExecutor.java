package dev.plugboard.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded executor for work deferred by after-write hooks. Best effort: a full queue
 * drops the task (counted and logged) rather than block a response, and shutdown drains
 * for a bounded time.
 *
 * <p>
 * Not final so that {@link dev.plugboard.test.PluginHarness} can capture submitted tasks
 * and let a test run them on its own thread; {@link #submit} is the only method meant to
 * be overridden.
 */
public class DeferredExecutor {

	private static final Logger logger = LoggerFactory.getLogger(DeferredExecutor.class);

	private final ThreadPoolExecutor executor;

	private final int capacity;

	private final LongAdder submitted = new LongAdder();

	private final LongAdder completed = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	/**
	 * Create an executor.
	 * @param threads worker threads
	 * @param queueCapacity tasks that may wait; more are dropped
	 */
	public DeferredExecutor(int threads, int queueCapacity) {
		if (threads < 1 || queueCapacity < 1) {
			throw new IllegalArgumentException("threads and queueCapacity must be positive");
		}
		this.capacity = queueCapacity;
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueCapacity), new NamedThreads(), new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Run a plugin's task, or drop it when the queue is full or the executor is shutting
	 * down.
	 * @param pluginId the plugin that deferred it, for logs
	 * @param task the task
	 * @return whether the task was accepted
	 */
	public boolean submit(String pluginId, Runnable task) {
		try {
			this.executor.execute(() -> run(pluginId, task));
			this.submitted.increment();
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.rejected.increment();
			logger.warn("Plugin '{}': deferred task dropped, the deferred queue is full ({} tasks) or shutting down",
					pluginId, this.capacity);
			return false;
		}
	}

	private void run(String pluginId, Runnable task) {
		try {
			task.run();
			this.completed.increment();
		}
		catch (Throwable ex) {
			this.failed.increment();
			logger.error("Plugin '{}': deferred task failed", pluginId, ex);
		}
	}

	/**
	 * Stop taking tasks, wait up to {@code timeout} for queued and running ones, then
	 * interrupt what is left.
	 * @param timeout how long to drain
	 * @return how many queued tasks were dropped
	 */
	public int shutdown(Duration timeout) {
		this.executor.shutdown();
		try {
			if (this.executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return 0;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Runnable> dropped = this.executor.shutdownNow();
		this.rejected.add(dropped.size());
		if (!dropped.isEmpty()) {
			logger.warn("Dropped {} deferred plugin tasks that did not start within the {} shutdown timeout",
					dropped.size(), timeout);
		}
		return dropped.size();
	}

	/**
	 * @return tasks waiting in the queue
	 */
	public int queued() {
		return this.executor.getQueue().size();
	}

	/**
	 * @return tasks running now
	 */
	public int active() {
		return this.executor.getActiveCount();
	}

	/**
	 * @return tasks accepted since startup
	 */
	public long submitted() {
		return this.submitted.sum();
	}

	/**
	 * @return tasks that ran to completion
	 */
	public long completed() {
		return this.completed.sum();
	}

	/**
	 * @return tasks that threw
	 */
	public long failed() {
		return this.failed.sum();
	}

	/**
	 * @return tasks dropped because the queue was full, the executor was shutting down,
	 * or the drain timed out
	 */
	public long rejected() {
		return this.rejected.sum();
	}

	/**
	 * @return the queue capacity
	 */
	public int capacity() {
		return this.capacity;
	}

	private static final class NamedThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "plugboard-deferred-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
