package dev.plugboard;

/**
 * Thrown by {@link PluginDefinition#create} when a manifest entry is missing a required
 * key or holds a value the plugin cannot use. The boot stops with a failure analysis
 * naming the plugin, the key and the fix.
 *
 * @since 0.1.0
 */
public class PluginConfigurationException extends RuntimeException {

	private final String key;

	/**
	 * Create an exception about one key of the plugin's manifest entry.
	 * @param key the key, relative to the plugin's entry (such as {@code url})
	 * @param message what is wrong and what a valid value looks like
	 */
	public PluginConfigurationException(String key, String message) {
		super(message);
		this.key = key;
	}

	/**
	 * The key that is missing or invalid, relative to the plugin's entry.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

}
