package dev.plugboard.runtime.outbox;

import java.time.Duration;

/**
 * When a failed outbox delivery is tried again: exponential backoff from
 * {@code initialDelay}, multiplied by {@code multiplier} after every failure and capped
 * at {@code maxDelay}, spread by {@code jitter} so that records that failed together do
 * not all come back at once; after {@code maxAttempts} attempts the record is dead.
 *
 * @param initialDelay the delay after the first failed attempt
 * @param multiplier the factor applied to the delay after each further failure, at least
 * 1
 * @param maxDelay the longest delay
 * @param maxAttempts attempts in all, the first included, at least 1
 * @param jitter the fraction, between 0 and 1, by which a delay is randomly shortened or
 * lengthened
 * @since 0.1.0
 */
public record RetrySchedule(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts,
		double jitter) {

	/**
	 * Check the schedule.
	 * @param initialDelay the delay after the first failed attempt
	 * @param multiplier the backoff factor
	 * @param maxDelay the longest delay
	 * @param maxAttempts attempts in all
	 * @param jitter the random spread
	 */
	public RetrySchedule {
		if (initialDelay.isNegative() || maxDelay.isNegative()) {
			throw new IllegalArgumentException("Retry delays must not be negative");
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("The retry multiplier must be at least 1, not " + multiplier);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("max-attempts must be at least 1, not " + maxAttempts);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("The retry jitter must be between 0 and 1, not " + jitter);
		}
	}

	/**
	 * Whether a failed attempt was the last one.
	 * @param attempt the attempt that failed, 1 for the first
	 * @return whether the record is now dead
	 */
	public boolean exhausted(int attempt) {
		return attempt >= this.maxAttempts;
	}

	/**
	 * The delay before the next attempt.
	 * @param attempt the attempt that failed, 1 for the first
	 * @param random a uniform random number in [0, 1), which places the delay within the
	 * jitter
	 * @return the delay
	 */
	public Duration delayAfter(int attempt, double random) {
		double base = this.initialDelay.toNanos() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
		double capped = Math.min(base, this.maxDelay.toNanos());
		double spread = capped * (1 + this.jitter * (2 * random - 1));
		return Duration.ofNanos((long) Math.max(0, Math.min(spread, this.maxDelay.toNanos())));
	}

}
