package dev.plugboard.autoconfigure.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Fresh Standard Webhooks secrets for tests.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String random() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

}
