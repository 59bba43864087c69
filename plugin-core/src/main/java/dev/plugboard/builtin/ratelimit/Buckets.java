package dev.plugboard.builtin.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where a policy's buckets live: takes one token from the bucket of a key.
 */
interface Buckets extends AutoCloseable {

	/**
	 * Take one token.
	 * @param policy the index of the policy
	 * @param key the client's key within the policy
	 * @return the outcome and the bucket's state
	 * @throws BackendUnavailable when the buckets cannot be reached
	 */
	ConsumptionProbe tryConsume(int policy, String key);

	@Override
	default void close() {
	}

	/**
	 * The buckets cannot be reached now (Redis down or too slow).
	 */
	final class BackendUnavailable extends RuntimeException {

		BackendUnavailable(String message, Throwable cause) {
			super(message, cause, false, false);
		}

	}

}
