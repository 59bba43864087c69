package dev.plugboard.builtin.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The {@code webhook-signature} values, checked by the Standard Webhooks reference
 * verifier ({@code com.standardwebhooks:standardwebhooks}), not by our own code.
 */
class WebhookSignerTests {

	private static final String BODY = "{\"type\":\"order.created\",\"timestamp\":\"2026-11-27T03:00:00Z\","
			+ "\"data\":{\"id\":7,\"note\":\"caf\u00e9 \u2603\"}}";

	private final String secret = Secrets.random();

	private final String nextSecret = Secrets.random();

	@Test
	void signatureVerifiesWithTheReferenceVerifier() {
		long now = Instant.now().getEpochSecond();
		String signature = signer(this.secret).sign("msg_1", now, BODY);

		assertThat(signature).startsWith("v1,").doesNotContain(" ");
		assertThatNoException()
			.isThrownBy(() -> new Webhook(this.secret).verify(BODY, headers("msg_1", now, signature)));
	}

	@Test
	void duringRotationEachSecretAloneVerifies() {
		long now = Instant.now().getEpochSecond();
		String signatures = signer(this.secret, this.nextSecret).sign("msg_2", now, BODY);

		assertThat(signatures.split(" ")).hasSize(2).allSatisfy((signature) -> assertThat(signature).startsWith("v1,"));
		assertThatNoException()
			.isThrownBy(() -> new Webhook(this.secret).verify(BODY, headers("msg_2", now, signatures)));
		assertThatNoException()
			.isThrownBy(() -> new Webhook(this.nextSecret).verify(BODY, headers("msg_2", now, signatures)));
	}

	@Test
	void anotherSecretDoesNotVerify() {
		long now = Instant.now().getEpochSecond();
		String signature = signer(this.secret).sign("msg_3", now, BODY);

		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(Secrets.random()).verify(BODY, headers("msg_3", now, signature)));
	}

	@Test
	void changedBodyIdOrTimestampDoesNotVerify() {
		long now = Instant.now().getEpochSecond();
		String signature = signer(this.secret).sign("msg_4", now, BODY);
		Webhook verifier = new Webhook(this.secret);

		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(BODY.replace("7", "8"), headers("msg_4", now, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(BODY, headers("msg_5", now, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(BODY, headers("msg_4", now - 1, signature)));
	}

	@Test
	void signatureIsTheOneTheReferenceLibraryComputes() throws Exception {
		long now = Instant.now().getEpochSecond();

		assertThat(signer(this.secret).sign("msg_6", now, BODY))
			.isEqualTo(new Webhook(this.secret).sign("msg_6", now, BODY));
	}

	private static WebhookSigner signer(String... secrets) {
		return new WebhookSigner(new WebhooksConfig.Endpoint("test", java.net.URI.create("https://hooks.example.com"),
				List.of(secrets), List.of(), java.util.Set.of(WriteOp.INSERT), false)
			.keys());
	}

	private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
				"webhook-signature", List.of(signature));
	}

}
