package dev.plugboard.autoconfigure.outbox;

import org.springframework.context.SmartLifecycle;

import dev.plugboard.runtime.outbox.OutboxWorkers;

/**
 * Runs the outbox workers with the context, when some enabled plugin delivers outbox
 * records. They stop after the web server (whose lifecycle phase is higher), so that
 * requests still running can enqueue; stopping drains deliveries in flight within the
 * shutdown timeout and leaves the rest pending for the next start.
 */
final class OutboxLifecycle implements SmartLifecycle {

	private final OutboxWorkers workers;

	OutboxLifecycle(OutboxWorkers workers) {
		this.workers = workers;
	}

	@Override
	public void start() {
		if (!this.workers.topics().isEmpty()) {
			this.workers.start();
		}
	}

	@Override
	public void stop() {
		this.workers.stop();
	}

	@Override
	public boolean isRunning() {
		return this.workers.isRunning();
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE / 2;
	}

}
