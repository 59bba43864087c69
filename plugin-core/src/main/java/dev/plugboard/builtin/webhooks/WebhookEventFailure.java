package dev.plugboard.builtin.webhooks;

import org.springframework.dao.NonTransientDataAccessException;

/**
 * The event of a write could not be built (the entity does not serialise to JSON). A
 * database error, so that the runtime aborts the write's transaction instead of
 * containing the fault: a write never commits without its webhook events.
 */
final class WebhookEventFailure extends NonTransientDataAccessException {

	WebhookEventFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
