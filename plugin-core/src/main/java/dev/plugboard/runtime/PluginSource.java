package dev.plugboard.runtime;

/**
 * Where a plugin comes from, as reported by the actuator endpoint.
 */
public enum PluginSource {

	/** Created from one of Plugboard's own definitions, because the manifest lists it. */
	BUILT_IN,

	/**
	 * Created from a library's {@link dev.plugboard.PluginDefinition}, because the
	 * manifest lists it.
	 */
	LIBRARY,

	/** A plugin bean of the application's own. */
	APPLICATION

}
