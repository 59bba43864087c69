package dev.plugboard.test;

import java.util.ArrayList;
import java.util.List;

import dev.plugboard.OutboxRecord;

/**
 * What a plugin's after-write hook did with one written entity, as returned by
 * {@link PluginHarness#afterWrite}: the work it deferred, captured rather than run, the
 * records it put in the outbox, captured rather than written to a table, and whether the
 * hook faulted. Use {@link #runDeferred()} to run the deferred work on the test's thread,
 * as the executor would after commit, then assert on its effects.
 *
 * @since 0.1.0
 */
public final class AfterWriteResult {

	private final List<Runnable> deferred;

	private final List<OutboxRecord> outbox;

	private final boolean faulted;

	private int ran;

	AfterWriteResult(List<Runnable> deferred, List<OutboxRecord> outbox, boolean faulted) {
		this.deferred = List.copyOf(deferred);
		this.outbox = List.copyOf(outbox);
		this.faulted = faulted;
	}

	/**
	 * The tasks the hook handed to {@code defer}, in order; none of them has run unless
	 * {@link #runDeferred()} was called.
	 * @return the tasks
	 */
	public List<Runnable> deferred() {
		return this.deferred;
	}

	/**
	 * Run the deferred tasks that have not run yet, in order, on the calling thread.
	 * Unlike in production, where a failing task is logged and counted, a task's
	 * exception propagates so that the test sees it; the tasks after it stay pending.
	 * @return this result
	 */
	public AfterWriteResult runDeferred() {
		List<Runnable> pending = new ArrayList<>(this.deferred.subList(this.ran, this.deferred.size()));
		for (Runnable task : pending) {
			this.ran++;
			task.run();
		}
		return this;
	}

	/**
	 * The records the hook enqueued through {@code ctx.outbox()}, in order, each as its
	 * {@code OutboxPlugin} would receive it on the first attempt (a fresh idempotency id,
	 * attempt 1). Nothing is delivered: to test delivery, call the delivering plugin's
	 * {@code deliver} with one of them. Unlike in production, any topic is accepted.
	 * @return the enqueued records
	 */
	public List<OutboxRecord> outbox() {
		return this.outbox;
	}

	/**
	 * Whether the hook threw. In production the fault is logged and counted and the write
	 * goes on; the harness contains it the same way and reports it here.
	 * @return whether the hook faulted
	 */
	public boolean faulted() {
		return this.faulted;
	}

	@Override
	public String toString() {
		return "AfterWriteResult[deferred=" + this.deferred.size() + ", ran=" + this.ran + ", outbox="
				+ this.outbox.size() + ", faulted=" + this.faulted + "]";
	}

}
