package dev.plugboard.builtin.stripe;

import java.security.GeneralSecurityException;

import com.stripe.net.Webhook;

/**
 * Payloads signed by Stripe's own Java SDK, the test oracle: the header is built from
 * {@link Webhook.Util#computeHmacSha256(String, String)}, the function the SDK's
 * {@code Webhook.Signature.verifyHeader} checks against, in the format Stripe sends.
 */
final class StripeSigning {

	static final String SECRET = "whsec_test_primary_6f1c0c9a2b7e4d3f8a5b1c2d3e4f5a6b";

	static final String ROTATED_SECRET = "whsec_test_rotated_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

	private StripeSigning() {
	}

	/**
	 * The {@code Stripe-Signature} header Stripe would send for a payload.
	 * @param payload the payload
	 * @param secret the signing secret
	 * @param timestamp the signing time in Unix seconds
	 * @return {@code t=<timestamp>,v1=<signature>}
	 */
	static String header(String payload, String secret, long timestamp) {
		return "t=" + timestamp + ",v1=" + v1(payload, secret, timestamp);
	}

	static String v1(String payload, String secret, long timestamp) {
		try {
			return Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A {@code checkout.session.completed} event as Stripe sends it.
	 * @param id the event id
	 * @return the JSON payload
	 */
	static String checkoutCompleted(String id) {
		return """
				{
				  "id": "%s",
				  "object": "event",
				  "api_version": "2025-07-30.basil",
				  "created": 1750000000,
				  "data": {
				    "object": {
				      "id": "cs_test_a1b2c3",
				      "object": "checkout.session",
				      "amount_total": 4200,
				      "currency": "eur",
				      "client_reference_id": "order-17",
				      "payment_status": "paid",
				      "status": "complete"
				    }
				  },
				  "livemode": false,
				  "pending_webhooks": 1,
				  "request": {"id": null, "idempotency_key": null},
				  "type": "checkout.session.completed"
				}
				""".formatted(id);
	}

}
