package dev.plugboard.builtin.stripe;

/**
 * A {@link StripeEventHandler} threw a checked exception; carried out of the event's
 * transaction so that it rolls back, and answered with a 500.
 */
final class StripeHandlerFailure extends RuntimeException {

	StripeHandlerFailure(StripeEvent event, StripeEventHandler handler, Exception cause) {
		super("Stripe event handler " + handler.getClass().getName() + " failed on " + event.type() + " event "
				+ event.id(), cause);
	}

}
