package dev.plugboard.autoconfigure;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import dev.plugboard.runtime.DeferredExecutor;

/**
 * Drains the deferred executor when the context stops, after the web server has stopped
 * taking requests (the server's lifecycle phase is higher, so it stops first).
 */
final class DeferredExecutorLifecycle implements SmartLifecycle {

	private final DeferredExecutor executor;

	private final Duration timeout;

	private volatile boolean running;

	DeferredExecutorLifecycle(DeferredExecutor executor, Duration timeout) {
		this.executor = executor;
		this.timeout = timeout;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running) {
			this.running = false;
			this.executor.shutdown(this.timeout);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE / 2;
	}

}
