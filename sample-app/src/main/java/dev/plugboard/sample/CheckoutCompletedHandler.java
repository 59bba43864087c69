package dev.plugboard.sample;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.plugboard.builtin.stripe.StripeEvent;
import dev.plugboard.builtin.stripe.StripeEventHandler;

/**
 * Records an order's payment when Stripe reports a completed Checkout Session whose
 * {@code client_reference_id} is the order's id (the shop sets it when it creates the
 * session). The row is written in the transaction that records the event's id, so a
 * redelivered event never pays an order twice, and a failure here leaves the event for
 * Stripe to deliver again. A session for an unknown order is logged and acknowledged:
 * retrying would not make the order appear.
 */
@Component
class CheckoutCompletedHandler implements StripeEventHandler {

	private static final Logger logger = LoggerFactory.getLogger(CheckoutCompletedHandler.class);

	private final JdbcTemplate jdbc;

	CheckoutCompletedHandler(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> eventTypes() {
		return Set.of("checkout.session.completed");
	}

	@Override
	public void handle(StripeEvent event) {
		JsonNode session = event.object();
		Long orderId = orderId(session.path("client_reference_id"));
		Integer known = (orderId != null)
				? this.jdbc.queryForObject("SELECT COUNT(*) FROM \"orders\" WHERE id = ?", Integer.class, orderId) : 0;
		if (known == null || known == 0) {
			logger.warn("Stripe event {}: checkout session {} names no order of this shop ({}); acknowledged",
					event.id(), session.path("id").asString(), session.path("client_reference_id").asString());
			return;
		}
		JsonNode amount = session.path("amount_total");
		JsonNode currency = session.path("currency");
		this.jdbc.update(
				"INSERT INTO \"order_payments\" (stripe_event_id, order_id, checkout_session_id, amount_total, currency) "
						+ "VALUES (?, ?, ?, ?, ?)",
				event.id(), orderId, session.path("id").asString(),
				amount.canConvertToLong() ? amount.longValue() : null,
				currency.isString() ? currency.stringValue() : null);
		logger.info("Order {} paid: {} {} (checkout session {}, Stripe event {})", orderId, amount.asString(),
				currency.asString(), session.path("id").asString(), event.id());
	}

	private static @Nullable Long orderId(JsonNode reference) {
		if (!reference.isString()) {
			return null;
		}
		try {
			return Long.valueOf(reference.stringValue());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
