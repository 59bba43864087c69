package dev.plugboard;

import java.util.Map;

/**
 * A 413 rejection: the request body is larger than a limit. The problem body carries the
 * limit.
 *
 * @since 0.1.0
 */
public class PayloadTooLarge extends PluginException {

	private final long limitBytes;

	/**
	 * Reject a body over the limit.
	 * @param limitBytes the largest body accepted, in bytes
	 */
	public PayloadTooLarge(long limitBytes) {
		super(413, "payload-too-large", "The request body is larger than " + limitBytes + " bytes");
		this.limitBytes = limitBytes;
	}

	/**
	 * The limit that was exceeded.
	 * @return the limit in bytes
	 */
	public long limitBytes() {
		return this.limitBytes;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("limit", this.limitBytes);
	}

}
