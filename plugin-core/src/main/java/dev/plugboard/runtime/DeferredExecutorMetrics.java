package dev.plugboard.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the {@link DeferredExecutor}'s state to Micrometer: the gauges
 * {@code plugboard.deferred.queued} and {@code plugboard.deferred.active}, and the
 * counters {@code plugboard.deferred.completed}, {@code plugboard.deferred.failed} and
 * {@code plugboard.deferred.rejected}. Use it to watch for dropped deferred work; the
 * starter registers one when the application has a {@link MeterRegistry}.
 *
 * <p>
 * The meters read the executor's own counters when they are published, so binding costs
 * nothing on the task path.
 *
 * @since 0.1.0
 */
public final class DeferredExecutorMetrics implements MeterBinder {

	private final DeferredExecutor executor;

	/**
	 * Create a binder for an executor.
	 * @param executor the executor to observe
	 */
	public DeferredExecutorMetrics(DeferredExecutor executor) {
		this.executor = executor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("plugboard.deferred.queued", this.executor, DeferredExecutor::queued)
			.description("Deferred plugin tasks waiting for a worker")
			.register(registry);
		Gauge.builder("plugboard.deferred.active", this.executor, DeferredExecutor::active)
			.description("Deferred plugin tasks running now")
			.register(registry);
		FunctionCounter.builder("plugboard.deferred.completed", this.executor, DeferredExecutor::completed)
			.description("Deferred plugin tasks that ran to completion")
			.register(registry);
		FunctionCounter.builder("plugboard.deferred.failed", this.executor, DeferredExecutor::failed)
			.description("Deferred plugin tasks that threw")
			.register(registry);
		FunctionCounter.builder("plugboard.deferred.rejected", this.executor, DeferredExecutor::rejected)
			.description("Deferred plugin tasks dropped because the queue was full or the executor was stopping")
			.register(registry);
	}

}
