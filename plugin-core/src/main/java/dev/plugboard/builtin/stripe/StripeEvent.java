package dev.plugboard.builtin.stripe;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A Stripe event whose signature has been verified, as the {@link StripePlugin} hands it
 * to a {@link StripeEventHandler}. Use {@link #object()} for the fields of the object the
 * event is about (a Checkout Session, a PaymentIntent, …), and {@link #json()} when the
 * whole payload is needed, for example to parse it with Stripe's own SDK.
 *
 * <p>
 * Immutable apart from the tree of {@link #object()}, which handlers must not change: it
 * is shared by every handler of the event. Thread-safe to read.
 *
 * @param id the event id, such as {@code evt_1N...}; unique per Stripe account, the key
 * of the idempotency record
 * @param type the event type, such as {@code checkout.session.completed}
 * @param created when Stripe created the event, from its {@code created} member (the
 * epoch if the payload has none)
 * @param livemode whether the event comes from live mode rather than test mode
 * @param object the {@code data.object} member: the Stripe object as it was when the
 * event happened; a missing node when the payload has none
 * @param json the raw JSON payload exactly as received and verified
 * @since 0.1.0
 */
public record StripeEvent(String id, String type, Instant created, boolean livemode, JsonNode object, String json) {

	@Override
	public String toString() {
		return "StripeEvent[id=" + this.id + ", type=" + this.type + ", created=" + this.created + ", livemode="
				+ this.livemode + "]";
	}

}
