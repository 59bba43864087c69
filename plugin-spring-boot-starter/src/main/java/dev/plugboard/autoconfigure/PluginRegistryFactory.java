package dev.plugboard.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

import dev.plugboard.OnError;
import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginIds;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;

/**
 * Resolves the registry: application plugin beans, and a plugin from each definition the
 * manifest lists (and does not disable), with its entry bound to the definition's
 * configuration type. Every problem is a {@link ManifestException}, rendered by
 * {@link ManifestFailureAnalyzer}.
 */
final class PluginRegistryFactory {

	private static final String BUILT_IN_PACKAGE = "dev.plugboard.builtin.";

	private static final String MANIFEST = "plugboard.plugins";

	private static final String PLUGINS = MANIFEST + ".";

	private final Iterable<ConfigurationPropertySource> sources;

	private final Binder binder;

	PluginRegistryFactory(Environment environment) {
		this.sources = ConfigurationPropertySources.get(environment);
		this.binder = new Binder(this.sources, new PropertySourcesPlaceholdersResolver(environment));
	}

	/**
	 * Resolve the registry.
	 * @param entries the manifest as bound to {@link PlugboardProperties#getPlugins()}
	 * @param beans the application's plugin beans
	 * @param definitions the plugin definitions from the application and its libraries
	 * @return the registry
	 * @throws ManifestException on the first problem with the manifest or the plugins
	 */
	PluginRegistry create(Map<String, PlugboardProperties.Plugin> entries, List<Plugin> beans,
			List<PluginDefinition<?>> definitions) {
		PluginRegistry.Builder builder = PluginRegistry.builder(manifest(entries));
		Map<String, PluginDefinition<?>> definitionsById = new LinkedHashMap<>();
		for (PluginDefinition<?> definition : definitions) {
			String id = definition.id();
			if (id == null || !PluginIds.isValid(id)) {
				throw new ManifestException(Problem.INVALID_ID, id,
						"Plugin definition " + definition.getClass().getName() + " has the id '" + id
								+ "', which is not kebab-case.",
						"Return a lower-case id made of letters, digits and single hyphens from id(), such as 'slack-notifier'.",
						List.of());
			}
			PluginDefinition<?> existing = definitionsById.putIfAbsent(id, definition);
			if (existing != null) {
				throw new ManifestException(Problem.DUPLICATE_ID, id,
						"Two plugin definitions have the id '" + id + "': " + existing.getClass().getName() + " and "
								+ definition.getClass().getName() + ".",
						"Remove one of the two definition beans (or one of the two libraries that declare them).",
						List.of());
			}
			builder.known(id);
		}
		for (Plugin bean : beans) {
			builder.add(bean, PluginSource.APPLICATION);
		}
		for (PluginDefinition<?> definition : definitionsById.values()) {
			if (builder.isListedAndEnabled(definition.id())) {
				Plugin plugin = create(definition);
				builder.add(plugin, sourceOf(plugin));
			}
		}
		return builder.build();
	}

	/**
	 * The manifest as written. Boot's binder leaves an entry out of the bound map when
	 * none of its keys is a common key ({@code rate-limit: {capacity: 100}}), so the ids
	 * are read from the property sources. The common keys are then bound one by one: an
	 * entry written as {@code {}} is an empty string to the binder, and binding the whole
	 * entry would let it hide an {@code enabled: false} set for that id in a source of
	 * higher precedence (a command-line argument, an environment variable).
	 */
	private Map<String, PluginSettings> manifest(Map<String, PlugboardProperties.Plugin> entries) {
		Map<String, PluginSettings> manifest = new LinkedHashMap<>();
		this.binder.bind(MANIFEST, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of())
			.keySet()
			.forEach((written) -> manifest.put(written, settings(written)));
		entries.keySet().forEach((written) -> manifest.computeIfAbsent(written, this::settings));
		return manifest;
	}

	private PluginSettings settings(String written) {
		String id = PluginIds.normalise(written);
		if (!PluginIds.isValid(id)) {
			return PluginSettings.EMPTY;
		}
		String prefix = PLUGINS + id + ".";
		return new PluginSettings(this.binder.bind(prefix + "enabled", Boolean.class).orElse(null),
				this.binder.bind(prefix + "order", Integer.class).orElse(null),
				this.binder.bind(prefix + "entities", Bindable.listOf(String.class)).orElse(List.of()),
				this.binder.bind(prefix + "on-error", OnError.class).orElse(null));
	}

	private <C> Plugin create(PluginDefinition<C> definition) {
		String id = definition.id();
		String prefix = PLUGINS + id;
		C configuration;
		try {
			configuration = this.binder.bindOrCreate(prefix, Bindable.of(definition.configurationType()));
		}
		catch (BindException ex) {
			InvalidManifestValue invalid = InvalidManifestValue.of(ex);
			String description = (invalid != null) ? invalid.description()
					: "Plugin '" + id + "': its entry could not be bound to "
							+ definition.configurationType().getSimpleName() + ": " + rootMessage(ex);
			String action = (invalid != null) ? invalid.action()
					: "Fix the entry under '" + prefix + "', or remove the plugin from the manifest.";
			throw new ManifestException(Problem.INVALID_VALUE, id, description, action, List.of(), ex);
		}
		Plugin plugin;
		try {
			plugin = definition.create(configuration);
		}
		catch (PluginConfigurationException ex) {
			throw configurationProblem(id, prefix, ex);
		}
		if (!id.equals(plugin.id())) {
			throw new IllegalStateException("Definition " + definition.getClass().getName() + " has id '" + id
					+ "' but created a plugin with id '" + plugin.id() + "'");
		}
		return plugin;
	}

	private ManifestException configurationProblem(String id, String prefix, PluginConfigurationException ex) {
		String key = ex.key();
		String property = prefix + "." + key;
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
		boolean missing = name != null && !isPresent(name);
		if (missing) {
			return new ManifestException(Problem.MISSING_KEY, id,
					"Plugin '" + id + "' needs '" + key + "', but its manifest entry has none (" + property + "). "
							+ ex.getMessage(),
					"Add '" + key + "' under '" + prefix + "', or remove '" + id + "' from the manifest.", List.of(),
					ex);
		}
		return new ManifestException(Problem.INVALID_VALUE, id,
				"Plugin '" + id + "' cannot use the value of '" + key + "' (" + property + "). " + ex.getMessage(),
				"Fix '" + key + "' under '" + prefix + "', or remove '" + id + "' from the manifest.", List.of(), ex);
	}

	private boolean isPresent(ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : this.sources) {
			if (source.getConfigurationProperty(name) != null
					|| source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Built-ins are told apart by the plugin's package: their definitions live in the
	 * starter, the plugins themselves under {@code dev.plugboard.builtin}.
	 */
	private static PluginSource sourceOf(Plugin plugin) {
		return plugin.getClass().getName().startsWith(BUILT_IN_PACKAGE) ? PluginSource.BUILT_IN : PluginSource.LIBRARY;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
