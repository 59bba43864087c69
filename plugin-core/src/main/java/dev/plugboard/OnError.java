package dev.plugboard;

/**
 * What a fault in a before-request hook does to the request. Set per plugin with the manifest's
 * {@code on-error} key ({@code fail-open} or {@code fail-closed}).
 *
 * @since 0.1.0
 */
public enum OnError {

	/** The fault is logged and counted, and the request goes on as if the plugin were absent. */
	FAIL_OPEN,

	/** The fault is logged and counted, and the request is answered with a 500 problem body. */
	FAIL_CLOSED

}
