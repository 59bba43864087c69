package dev.plugboard.builtin.stripe;

import java.util.Set;

/**
 * An application bean that acts on verified Stripe events of some types: mark an order
 * paid on {@code checkout.session.completed}, end access on
 * {@code customer.subscription.deleted}. Declare it as a Spring bean; the {@code stripe}
 * built-in calls every handler whose {@link #eventTypes()} holds the event's type, in
 * bean order ({@link org.springframework.core.annotation.Order @Order}).
 *
 * <p>
 * Handlers run on the request thread, inside the transaction that records the event's id:
 * database work they do through Spring (a repository, a {@code JdbcTemplate} on the same
 * {@code DataSource}) commits together with the record. A handler that throws rolls the
 * transaction back, the event id stays unrecorded and Stripe receives a 500, so it
 * delivers the event again later. A redelivery of an event that was recorded is
 * acknowledged without calling any handler. Stripe expects an answer within seconds: hand
 * long work to a queue (for example the outbox) rather than doing it here.
 *
 * <p>
 * Implementations must be thread-safe: deliveries of different events run concurrently.
 *
 * @since 0.1.0
 */
public interface StripeEventHandler {

	/** The event type that stands for every type in {@link #eventTypes()}. */
	String ALL_TYPES = "*";

	/**
	 * The event types this handler acts on, such as {@code checkout.session.completed};
	 * {@link #ALL_TYPES} for all of them. Read once per event.
	 * @return the types, never {@code null}
	 */
	Set<String> eventTypes();

	/**
	 * Act on one verified event.
	 * @param event the event
	 * @throws Exception to have the event's record rolled back and Stripe deliver it
	 * again
	 */
	void handle(StripeEvent event) throws Exception;

}
