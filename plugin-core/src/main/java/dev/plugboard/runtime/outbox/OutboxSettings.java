package dev.plugboard.runtime.outbox;

import java.time.Duration;

/**
 * How the outbox workers run.
 *
 * @param workers deliveries that may run at once in this instance
 * @param batchSize the most rows one claim query takes
 * @param pollInterval how often the table is polled for retries that fell due and rows
 * other instances enqueued, when no commit woke the workers
 * @param lease how long a claimed row stays claimed; a delivery must end well within it,
 * else another worker may claim the row again
 * @param shutdownTimeout how long stopping waits for deliveries in flight
 * @param retry the retry schedule
 * @since 0.1.0
 */
public record OutboxSettings(int workers, int batchSize, Duration pollInterval, Duration lease,
		Duration shutdownTimeout, RetrySchedule retry) {

	/**
	 * Check the settings.
	 * @param workers deliveries that may run at once
	 * @param batchSize the most rows one claim takes
	 * @param pollInterval the poll interval
	 * @param lease the claim lease
	 * @param shutdownTimeout the shutdown timeout
	 * @param retry the retry schedule
	 */
	public OutboxSettings {
		if (workers < 1) {
			throw new IllegalArgumentException("workers must be at least 1, not " + workers);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch-size must be at least 1, not " + batchSize);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("poll-interval must be positive, not " + pollInterval);
		}
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("lease must be positive, not " + lease);
		}
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("shutdown-timeout must not be negative, not " + shutdownTimeout);
		}
	}

}
