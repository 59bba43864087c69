package dev.plugboard.builtin.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery as the Standard Webhooks specification says: for each secret,
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, the signatures
 * separated by spaces. Several secrets give several signatures, so that a receiver can
 * rotate its secret without losing a delivery. Thread-safe.
 */
final class WebhookSigner {

	private static final String ALGORITHM = "HmacSHA256";

	private final List<SecretKeySpec> keys;

	WebhookSigner(List<byte[]> keys) {
		this.keys = keys.stream().map((key) -> new SecretKeySpec(key, ALGORITHM)).toList();
	}

	/**
	 * The value of the {@code webhook-signature} header.
	 * @param id the message id, sent as {@code webhook-id}
	 * @param timestamp the seconds since the epoch, sent as {@code webhook-timestamp}
	 * @param body the exact body sent
	 * @return the signatures, separated by spaces
	 */
	String sign(String id, long timestamp, String body) {
		byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
		StringBuilder signatures = new StringBuilder();
		for (SecretKeySpec key : this.keys) {
			if (signatures.length() > 0) {
				signatures.append(' ');
			}
			signatures.append("v1,").append(Base64.getEncoder().encodeToString(mac(key).doFinal(content)));
		}
		return signatures.toString();
	}

	private static Mac mac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
