package dev.plugboard.autoconfigure.stripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.stripe.net.Webhook;
import org.jspecify.annotations.Nullable;

/**
 * Stripe deliveries for the tests: payloads signed with Stripe's own Java SDK (the
 * oracle: {@link Webhook.Util#computeHmacSha256(String, String)}, which its
 * {@code Webhook.constructEvent} checks against) and posted over real HTTP as raw bytes.
 */
final class StripeWebhooks {

	static final String SECRET = "whsec_test_primary_6f1c0c9a2b7e4d3f8a5b1c2d3e4f5a6b";

	static final String ROTATED_SECRET = "whsec_test_rotated_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private StripeWebhooks() {
	}

	static String header(String payload, String secret, long timestamp) {
		try {
			return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String checkoutCompleted(String id, String orderRef) {
		return """
				{
				  "id": "%s",
				  "object": "event",
				  "api_version": "2025-07-30.basil",
				  "created": 1746086400,
				  "data": {
				    "object": {
				      "id": "cs_test_%s",
				      "object": "checkout.session",
				      "amount_total": 4200,
				      "currency": "eur",
				      "client_reference_id": "%s",
				      "payment_status": "paid"
				    }
				  },
				  "livemode": false,
				  "pending_webhooks": 1,
				  "type": "checkout.session.completed"
				}
				""".formatted(id, id, orderRef);
	}

	static HttpResponse<String> post(String url, byte[] payload, @Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> post(String url, String payload, @Nullable String signature) {
		return post(url, payload.getBytes(StandardCharsets.UTF_8), signature);
	}

}
