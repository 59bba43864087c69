package dev.plugboard.builtin.requestid;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link RequestIdPlugin}: which header carries the id in and
 * out, the MDC key it is logged under, and which incoming ids are accepted.
 *
 * @param header the request and response header, such as {@code X-Request-Id}
 * @param mdcKey the key of the logging MDC entry, such as {@code requestId}
 * @param maxLength the longest incoming id accepted; a longer one is replaced
 * @param acceptIncoming whether a safe incoming id is used; when {@code false} every
 * request gets a generated id
 * @since 0.1.0
 */
public record RequestIdConfig(String header, String mdcKey, int maxLength, boolean acceptIncoming) {

	/** The default header. */
	public static final String DEFAULT_HEADER = "X-Request-Id";

	/** The default MDC key. */
	public static final String DEFAULT_MDC_KEY = "requestId";

	/** The default longest incoming id. */
	public static final int DEFAULT_MAX_LENGTH = 64;

	/** The largest {@link #maxLength()} allowed. */
	public static final int LARGEST_MAX_LENGTH = 256;

	/**
	 * Check the values.
	 * @throws PluginConfigurationException when the header is not an HTTP token, the MDC
	 * key is blank, or the length is out of range
	 */
	public RequestIdConfig {
		if (header == null || header.isEmpty() || !isToken(header)) {
			throw new PluginConfigurationException("header",
					"'" + header + "' is not an HTTP header name. Use letters, digits and '-', such as X-Request-Id.");
		}
		if (mdcKey == null || mdcKey.isBlank()) {
			throw new PluginConfigurationException("mdc-key",
					"The MDC key is blank. Set the key log patterns use, such as requestId.");
		}
		if (maxLength < 1 || maxLength > LARGEST_MAX_LENGTH) {
			throw new PluginConfigurationException("max-length", "The longest incoming id must be between 1 and "
					+ LARGEST_MAX_LENGTH + ", was " + maxLength + ". 64 fits any UUID or trace id.");
		}
	}

	/**
	 * The defaults: {@code X-Request-Id}, MDC key {@code requestId}, incoming ids up to
	 * 64 characters accepted.
	 * @return the default configuration
	 */
	public static RequestIdConfig defaults() {
		return new RequestIdConfig(DEFAULT_HEADER, DEFAULT_MDC_KEY, DEFAULT_MAX_LENGTH, true);
	}

	private static boolean isToken(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!token) {
				return false;
			}
		}
		return true;
	}

}
