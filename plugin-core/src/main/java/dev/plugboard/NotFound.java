package dev.plugboard;

/**
 * A 404 rejection: the target does not exist, or must not be revealed to this client.
 *
 * @since 0.1.0
 */
public class NotFound extends PluginException {

	/**
	 * Reject with the code {@code not-found}.
	 * @param detail the explanation
	 */
	public NotFound(String detail) {
		this("not-found", detail);
	}

	/**
	 * Reject with a specific code.
	 * @param code the machine-readable code
	 * @param detail the explanation
	 */
	public NotFound(String code, String detail) {
		super(404, code, detail);
	}

}
