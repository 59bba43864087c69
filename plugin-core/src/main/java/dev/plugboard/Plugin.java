package dev.plugboard;

/**
 * A plugin: a Spring bean that implements one or more hook interfaces
 * ({@link BeforeRequestPlugin}, {@link BeforeWritePlugin}, {@link AfterWritePlugin},
 * {@link AfterReadPlugin}, {@link RoutesPlugin}). Implement a hook interface rather than
 * this one directly; this type carries what every plugin shares.
 *
 * <p>
 * Implementations must be thread-safe: one instance serves every request and every write.
 *
 * @since 0.1.0
 */
public interface Plugin {

	/**
	 * The plugin's id, as written in {@code application.yml} under
	 * {@code plugboard.plugins}. Kebab-case ({@code slack-notifier}), unique, and
	 * constant: it is also the metric tag and the name in log lines and problem bodies.
	 * @return the id, never blank
	 */
	String id();

	/**
	 * Default position of this plugin among the others; lower runs first. The manifest's
	 * {@code order} key overrides it; ties are broken by id.
	 * @return the default order, {@link PluginOrder#APPLICATION} unless overridden
	 * @see PluginOrder
	 */
	default int order() {
		return PluginOrder.APPLICATION;
	}

	/**
	 * What a fault (an exception that is not a {@link PluginException}) in this plugin's
	 * before-request or after-read hook does to the request or the read, unless the
	 * manifest's {@code on-error} overrides it. Security gates and read filters that must
	 * not leak rows (tenant scope) return {@link OnError#FAIL_CLOSED}.
	 * @return the default fault policy, {@link OnError#FAIL_OPEN} unless overridden
	 */
	default OnError onError() {
		return OnError.FAIL_OPEN;
	}

}
