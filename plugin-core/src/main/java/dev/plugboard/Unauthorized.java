package dev.plugboard;

import java.util.Map;

/**
 * A 401 rejection: the request carries no valid credentials. The answer carries a
 * {@code WWW-Authenticate} challenge.
 *
 * @since 0.1.0
 */
public class Unauthorized extends PluginException {

	private final String challenge;

	/**
	 * Reject with a {@code Bearer} challenge.
	 * @param detail the explanation
	 */
	public Unauthorized(String detail) {
		this("Bearer", detail);
	}

	/**
	 * Reject with the given challenge.
	 * @param challenge the {@code WWW-Authenticate} value, such as
	 * {@code ApiKey realm="api"}
	 * @param detail the explanation
	 */
	public Unauthorized(String challenge, String detail) {
		super(401, "unauthorized", detail);
		this.challenge = challenge;
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("WWW-Authenticate", this.challenge);
	}

}
