package dev.plugboard;

/**
 * A plugin that exists only when its id is listed in the manifest, created from its typed
 * configuration. Use it for plugins shipped in a library (the built-ins, or your own
 * jar): declare a {@code PluginDefinition} bean instead of a plugin bean, and the plugin
 * is created at startup with its manifest entry bound to {@link #configurationType()}.
 *
 * <p>
 * An application's own {@code @Component} plugin does not need a definition: it runs
 * unless its manifest entry says {@code enabled: false}.
 *
 * @param <C> the configuration type: a record or JavaBean bound from
 * {@code plugboard.plugins.<id>}
 * @since 0.1.0
 */
public interface PluginDefinition<C> {

	/**
	 * The id of the plugin this definition creates; {@link Plugin#id()} of the created
	 * plugin must be equal to it.
	 * @return the kebab-case id
	 */
	String id();

	/**
	 * The type the manifest entry is bound to. The common keys ({@code enabled},
	 * {@code order}, {@code entities}, {@code on-error}) need not appear in it.
	 * @return the configuration type
	 */
	Class<C> configurationType();

	/**
	 * Create the plugin from its bound configuration.
	 * @param configuration the configuration bound from the manifest entry
	 * @return a new plugin
	 * @throws PluginConfigurationException when the configuration is incomplete or
	 * invalid; the boot stops with the message
	 */
	Plugin create(C configuration);

}
