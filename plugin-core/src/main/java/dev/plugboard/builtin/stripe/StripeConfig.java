package dev.plugboard.builtin.stripe;

import java.time.Duration;
import java.util.List;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link StripePlugin}.
 *
 * @param path the path of the receiver route, {@code POST} only
 * @param signingSecrets the endpoint's signing secrets ({@code whsec_...}), at least one;
 * several while a secret is being rolled, and a payload signed with any of them is
 * accepted
 * @param tolerance the largest difference between the signature's timestamp and now in
 * either direction
 * @param maxPayloadBytes the largest payload read, in bytes; a longer one is a 413
 * @since 0.1.0
 */
public record StripeConfig(String path, List<String> signingSecrets, Duration tolerance, long maxPayloadBytes) {

	/** The default path of the receiver route. */
	public static final String DEFAULT_PATH = "/stripe/webhook";

	/** The default tolerance, the same as Stripe's SDKs use. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

	/** The default largest payload: 1 MiB, far above any event Stripe sends. */
	public static final long DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

	/** The prefix of every Stripe webhook signing secret. */
	public static final String SECRET_PREFIX = "whsec_";

	/**
	 * Check and copy the values. Secrets never appear in the messages.
	 * @throws PluginConfigurationException when a value is unusable, naming its key
	 */
	public StripeConfig {
		if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/") || path.contains("{")
				|| path.contains("*") || path.contains(" ")) {
			throw new PluginConfigurationException("path", "'" + path
					+ "' is not a usable path; give a literal path that starts with '/' and does not end with one, such as '/stripe/webhook'.");
		}
		if (signingSecrets == null || signingSecrets.isEmpty()) {
			throw new PluginConfigurationException("signing-secrets",
					"The Stripe receiver needs the endpoint's signing secret to verify the Stripe-Signature header; "
							+ "copy it (it starts with whsec_) from the endpoint's page in the Stripe Dashboard, or from "
							+ "the output of 'stripe listen', into signing-secrets, for example from an environment "
							+ "variable: signing-secrets: [\"${STRIPE_WEBHOOK_SECRET}\"].");
		}
		for (int i = 0; i < signingSecrets.size(); i++) {
			String secret = signingSecrets.get(i);
			if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() == SECRET_PREFIX.length()
					|| !secret.strip().equals(secret)) {
				throw new PluginConfigurationException("signing-secrets", "Signing secret number " + (i + 1) + " of "
						+ signingSecrets.size() + " is not a Stripe webhook signing secret: it must start with "
						+ "whsec_ and have no surrounding spaces. Copy the endpoint's signing secret from the Stripe "
						+ "Dashboard (an API key such as sk_... or rk_... is not a signing secret).");
			}
		}
		signingSecrets = List.copyOf(signingSecrets);
		if (tolerance == null || tolerance.getSeconds() < 1) {
			throw new PluginConfigurationException("tolerance",
					tolerance + " is not a usable tolerance; give at least one second, such as 300s (the default).");
		}
		if (maxPayloadBytes < 1) {
			throw new PluginConfigurationException("max-payload-size",
					maxPayloadBytes + " bytes is not a usable limit; give a positive size, such as 1MB.");
		}
	}

	/**
	 * The defaults with the given secrets: the route at {@link #DEFAULT_PATH}, a
	 * tolerance of 300 seconds and payloads up to 1 MiB.
	 * @param signingSecrets the signing secrets
	 * @return the configuration
	 */
	public static StripeConfig of(String... signingSecrets) {
		return new StripeConfig(DEFAULT_PATH, List.of(signingSecrets), DEFAULT_TOLERANCE, DEFAULT_MAX_PAYLOAD_BYTES);
	}

	@Override
	public String toString() {
		return "StripeConfig[path=" + this.path + ", signingSecrets=" + this.signingSecrets.size() + " (hidden)"
				+ ", tolerance=" + this.tolerance + ", maxPayloadBytes=" + this.maxPayloadBytes + "]";
	}

}
