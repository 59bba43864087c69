package dev.plugboard.runtime;

/**
 * A hook threw something other than a {@link dev.plugboard.PluginException}. It is
 * answered with a 500 problem body naming the plugin and the correlation id, never with
 * the cause; the cause is logged once where the fault is caught.
 */
public class PluginFaultException extends RuntimeException {

	private final String pluginId;

	private final Hook hook;

	private final String correlationId;

	public PluginFaultException(String pluginId, Hook hook, String correlationId, Throwable cause) {
		super("Plugin '" + pluginId + "' failed in its " + hook.tag() + " hook (correlation id " + correlationId + ")",
				cause);
		this.pluginId = pluginId;
		this.hook = hook;
		this.correlationId = correlationId;
	}

	public String pluginId() {
		return this.pluginId;
	}

	public Hook hook() {
		return this.hook;
	}

	public String correlationId() {
		return this.correlationId;
	}

}
