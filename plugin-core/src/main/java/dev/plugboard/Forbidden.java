package dev.plugboard;

/**
 * A 403 rejection: the client is known but not allowed to do this.
 *
 * @since 0.1.0
 */
public class Forbidden extends PluginException {

	/**
	 * Reject with the code {@code forbidden}.
	 * @param detail the explanation
	 */
	public Forbidden(String detail) {
		this("forbidden", detail);
	}

	/**
	 * Reject with a specific code.
	 * @param code the machine-readable code
	 * @param detail the explanation
	 */
	public Forbidden(String code, String detail) {
		super(403, code, detail);
	}

}
