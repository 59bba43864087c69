package dev.plugboard.builtin.stripe;

/**
 * Where the {@link StripePlugin} records the ids of the events it has processed, so that
 * a redelivered event is processed once. The starter implements it on the table
 * {@code plugboard_stripe_event} through the application's {@code DataSource}; declare a
 * bean of this type only to keep the records somewhere else, with the same contract.
 *
 * <p>
 * Implementations are thread-safe, and must decide between concurrent deliveries of one
 * event (on several threads or application instances) so that exactly one of them runs
 * its dispatch to completion: typically by a primary key on the event id that the
 * database enforces.
 *
 * @since 0.1.0
 */
public interface StripeEventStore {

	/**
	 * Record the event's id and run the dispatch, in one transaction: when the dispatch
	 * throws, the record is rolled back with everything the handlers did in that
	 * transaction, and the exception is rethrown; when the id is already recorded, the
	 * dispatch does not run.
	 * @param event the verified event
	 * @param dispatch calls the event's handlers; may throw a runtime exception
	 * @return {@code true} when the event was recorded and dispatched now, {@code false}
	 * when its id had been recorded before
	 */
	boolean recordOnce(StripeEvent event, Runnable dispatch);

}
