package dev.plugboard.builtin.stripe;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.plugboard.ValidationFailed;

/**
 * Verifies a {@code Stripe-Signature} header as Stripe specifies: the header is a list of
 * {@code key=value} items separated by commas; {@code t} is the signing time in Unix
 * seconds, each {@code v1} is the lower-case hex HMAC-SHA256 of {@code t + "." + payload}
 * keyed with the UTF-8 bytes of the whole signing secret ({@code whsec_} included); other
 * schemes ({@code v0}) are ignored. The payload is accepted when any {@code v1} equals
 * the signature computed with any secret (compared in constant time) and the timestamp is
 * within the tolerance of now. Thread-safe.
 */
final class StripeSignature {

	static final String HEADER = "Stripe-Signature";

	private static final String SCHEME = "v1";

	private static final String ALGORITHM = "HmacSHA256";

	private final List<SecretKeySpec> keys;

	private final long toleranceSeconds;

	StripeSignature(List<String> secrets, Duration tolerance) {
		this.keys = secrets.stream()
			.map((secret) -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
			.toList();
		this.toleranceSeconds = tolerance.getSeconds();
	}

	/**
	 * Verify a payload.
	 * @param header the header's value, or {@code null} when the request has none
	 * @param payload the raw request body
	 * @param now the current time
	 * @throws ValidationFailed with code {@code signature-missing},
	 * {@code signature-malformed}, {@code signature-invalid} or
	 * {@code timestamp-outside-tolerance}
	 */
	void verify(@Nullable String header, byte[] payload, Instant now) {
		if (header == null || header.isBlank()) {
			throw new ValidationFailed("signature-missing",
					"The request has no Stripe-Signature header; only Stripe's signed deliveries are accepted here.");
		}
		long timestamp = -1;
		List<byte[]> signatures = new ArrayList<>();
		for (String item : header.split(",", -1)) {
			int equals = item.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String key = item.substring(0, equals);
			String value = item.substring(equals + 1);
			if (key.equals("t")) {
				if (timestamp != -1) {
					throw malformed("it has more than one timestamp (t=)");
				}
				timestamp = parseTimestamp(value);
			}
			else if (key.equals(SCHEME)) {
				signatures.add(value.getBytes(StandardCharsets.US_ASCII));
			}
		}
		if (timestamp == -1) {
			throw malformed("it has no timestamp (t=)");
		}
		if (signatures.isEmpty()) {
			throw malformed("it has no signature of the v1 scheme (v1=)");
		}
		if (!matches(timestamp, payload, signatures)) {
			throw new ValidationFailed("signature-invalid",
					"No v1 signature in the Stripe-Signature header matches the payload with the configured "
							+ "signing secrets; the payload was changed or signed with another endpoint's secret.");
		}
		long age = now.getEpochSecond() - timestamp;
		if (Math.abs(age) > this.toleranceSeconds) {
			throw new ValidationFailed("timestamp-outside-tolerance",
					"The Stripe-Signature timestamp is " + Math.abs(age) + " seconds " + ((age > 0) ? "old" : "ahead")
							+ ", more than the tolerance of " + this.toleranceSeconds + " seconds; a replayed "
							+ "delivery, or a clock that is off.");
		}
	}

	private static long parseTimestamp(String value) {
		if (value.isEmpty() || value.length() > 18) {
			throw malformed("its timestamp (t=) is not a number of seconds");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				throw malformed("its timestamp (t=) is not a number of seconds");
			}
		}
		return Long.parseLong(value);
	}

	private static ValidationFailed malformed(String reason) {
		return new ValidationFailed("signature-malformed", "The Stripe-Signature header cannot be read: " + reason
				+ ". Stripe sends 't=<unix seconds>,v1=<hex signature>'.");
	}

	private boolean matches(long timestamp, byte[] payload, List<byte[]> signatures) {
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
		boolean found = false;
		for (SecretKeySpec key : this.keys) {
			byte[] expected = sign(key, prefix, payload);
			for (byte[] signature : signatures) {
				found |= MessageDigest.isEqual(expected, signature);
			}
		}
		return found;
	}

	private static byte[] sign(SecretKeySpec key, byte[] prefix, byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(prefix);
			byte[] digest = mac.doFinal(payload);
			return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
