package dev.plugboard;

/**
 * Named order slots, spaced by 100 so that a plugin can fit between two built-ins
 * ({@code PluginOrder.CORS + 50}). Lower runs first; the manifest's {@code order} key
 * overrides any of them.
 *
 * @since 0.1.0
 */
public final class PluginOrder {

	/** Request correlation: first, so every later plugin and log line can use the id. */
	public static final int REQUEST_ID = 100;

	/** CORS: answers preflights before any gate can reject them. */
	public static final int CORS = 200;

	/** CSRF protection. */
	public static final int CSRF = 300;

	/** Rate limiting, before authentication so floods are cheap to refuse. */
	public static final int RATE_LIMIT = 400;

	/** Authentication (API keys, TOTP, bearer tokens). */
	public static final int AUTH = 500;

	/** Authorization and scoping that need an authenticated principal (tenant scope). */
	public static final int SCOPE = 600;

	/** Data shaping on writes: timestamps, slugs, computed fields. */
	public static final int DATA = 700;

	/** Validation, after the data has been shaped. */
	public static final int VALIDATION = 800;

	/** The default for a user's plugin. */
	public static final int APPLICATION = 1000;

	/**
	 * Recording what happened (audit log, webhooks): last, so they see the final entity.
	 */
	public static final int RECORDING = 1100;

	private PluginOrder() {
	}

}
