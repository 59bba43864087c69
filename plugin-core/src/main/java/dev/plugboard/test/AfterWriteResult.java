package dev.plugboard.test;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plugin's after-write hook did with one written entity, as returned by
 * {@link PluginHarness#afterWrite}: the work it deferred, captured rather than run, and
 * whether the hook faulted. Use {@link #runDeferred()} to run the deferred work on the
 * test's thread, as the executor would after commit, then assert on its effects.
 *
 * @since 0.1.0
 */
public final class AfterWriteResult {

	private final List<Runnable> deferred;

	private final boolean faulted;

	private int ran;

	AfterWriteResult(List<Runnable> deferred, boolean faulted) {
		this.deferred = List.copyOf(deferred);
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
	 * Whether the hook threw. In production the fault is logged and counted and the write
	 * goes on; the harness contains it the same way and reports it here.
	 * @return whether the hook faulted
	 */
	public boolean faulted() {
		return this.faulted;
	}

	@Override
	public String toString() {
		return "AfterWriteResult[deferred=" + this.deferred.size() + ", ran=" + this.ran + ", faulted=" + this.faulted
				+ "]";
	}

}
