package dev.plugboard;

/**
 * A 409 rejection: the request conflicts with the current state, such as a duplicate.
 *
 * @since 0.1.0
 */
public class Conflict extends PluginException {

	/**
	 * Reject with the code {@code conflict}.
	 * @param detail the explanation
	 */
	public Conflict(String detail) {
		this("conflict", detail);
	}

	/**
	 * Reject with a specific code.
	 * @param code the machine-readable code
	 * @param detail the explanation
	 */
	public Conflict(String code, String detail) {
		super(409, code, detail);
	}

}
