package dev.plugboard;

/**
 * Thrown by {@link OutboxPlugin#deliver} when retrying cannot help (the receiver refuses
 * the address, the payload is malformed): the record goes to the dead letters at once
 * instead of using up its retry schedule.
 *
 * @since 0.1.0
 */
public class UndeliverableException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message why the record cannot be delivered; kept as its last error
	 */
	public UndeliverableException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message why the record cannot be delivered; kept as its last error
	 * @param cause the underlying failure
	 */
	public UndeliverableException(String message, Throwable cause) {
		super(message, cause);
	}

}
