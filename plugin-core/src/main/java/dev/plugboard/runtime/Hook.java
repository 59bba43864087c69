package dev.plugboard.runtime;

/**
 * The hooks a plugin can implement, named as they appear in metric tags and the actuator
 * endpoint.
 */
public enum Hook {

	BEFORE_REQUEST("before-request"), BEFORE_WRITE("before-write"), AFTER_WRITE("after-write"),
	AFTER_READ("after-read"), ROUTES("routes"), OUTBOX("outbox");

	private final String tag;

	Hook(String tag) {
		this.tag = tag;
	}

	/**
	 * The kebab-case name used in metric tags and reports.
	 * @return the name
	 */
	public String tag() {
		return this.tag;
	}

}
