package dev.plugboard;

/**
 * What a fault in a before-request or after-read hook does to the request or the read.
 * Set per plugin with the manifest's {@code on-error} key ({@code fail-open} or
 * {@code fail-closed}). Faults of the other hooks have a fixed policy: a before-write
 * fault fails the write, an after-write fault is contained.
 *
 * @since 0.1.0
 */
public enum OnError {

	/**
	 * The fault is logged and counted, and the request or the read goes on as if the
	 * plugin were absent: an after-read hook's entity is kept as it was before that hook.
	 */
	FAIL_OPEN,

	/**
	 * The fault is logged and counted, and the request is answered with a 500 problem
	 * body; a read fails with the same fault, so a broken filter never leaks what it
	 * should have hidden.
	 */
	FAIL_CLOSED

}
