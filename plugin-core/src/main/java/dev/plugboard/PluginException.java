package dev.plugboard;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rejection a hook throws to answer a request or refuse a write with a clear HTTP
 * status. It is answered as an RFC 9457 {@code application/problem+json} body with
 * {@code status}, {@code title}, {@code detail}, {@code code} and {@code plugin}. Throw
 * one of the subclasses; any other exception from a hook is a plugin fault and answered
 * with a 500.
 *
 * <p>
 * Rejections are expected control flow, so they carry no stack trace.
 *
 * @since 0.1.0
 */
public abstract class PluginException extends RuntimeException {

	private final int status;

	private final String code;

	private volatile @Nullable String plugin;

	/**
	 * Create a rejection.
	 * @param status the HTTP status
	 * @param code a stable machine-readable code, kebab-case (such as
	 * {@code rate-limited})
	 * @param detail a human-readable explanation, safe to show to the client
	 */
	protected PluginException(int status, String code, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.code = code;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The machine-readable code, the problem body's {@code code} member.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The human-readable explanation, the problem body's {@code detail} member.
	 * @return the detail
	 */
	public String detail() {
		return getMessage();
	}

	/**
	 * The id of the plugin that rejected, the problem body's {@code plugin} member. The
	 * runtime fills it in from the hook that threw.
	 * @return the plugin id, or {@code null} before the runtime has seen the exception
	 */
	public @Nullable String plugin() {
		return this.plugin;
	}

	/**
	 * Attribute this rejection to a plugin, unless it already names one.
	 * @param pluginId the id of the plugin that threw
	 * @return this exception
	 */
	public PluginException attributeTo(String pluginId) {
		if (this.plugin == null) {
			this.plugin = pluginId;
		}
		return this;
	}

	/**
	 * Response headers the answer carries, such as {@code Retry-After}.
	 * @return the headers, empty by default
	 */
	public Map<String, String> headers() {
		return Map.of();
	}

	/**
	 * Extra members of the problem body besides the standard ones, such as
	 * {@code errors}.
	 * @return the members, empty by default
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[status=" + this.status + ", code=" + this.code + ", plugin=" + this.plugin
				+ ", detail=" + getMessage() + "]";
	}

}
