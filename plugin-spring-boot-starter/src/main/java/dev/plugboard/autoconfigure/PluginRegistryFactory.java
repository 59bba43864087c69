package dev.plugboard.autoconfigure;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;

/**
 * Resolves the registry: application plugin beans, and a plugin from each definition the manifest
 * lists, with its entry bound to the definition's configuration type.
 */
final class PluginRegistryFactory {

	private static final String BUILT_IN_PACKAGE = "dev.plugboard.builtin.";

	private final Binder binder;

	PluginRegistryFactory(Environment environment) {
		this.binder = Binder.get(environment);
	}

	PluginRegistry create(Map<String, PluginSettings> manifest, List<Plugin> beans,
			List<PluginDefinition<?>> definitions) {
		PluginRegistry.Builder builder = PluginRegistry.builder(manifest);
		for (PluginDefinition<?> definition : definitions) {
			builder.known(definition.id());
		}
		for (Plugin bean : beans) {
			builder.add(bean, PluginSource.APPLICATION);
		}
		for (PluginDefinition<?> definition : definitions) {
			if (builder.isListedAndEnabled(definition.id())) {
				builder.add(create(definition, builder), sourceOf(definition));
			}
		}
		return builder.build();
	}

	private <C> Plugin create(PluginDefinition<C> definition, PluginRegistry.Builder builder) {
		String id = definition.id();
		String prefix = "plugboard.plugins." + id;
		C configuration;
		try {
			configuration = this.binder.bindOrCreate(prefix, Bindable.of(definition.configurationType()));
		}
		catch (BindException ex) {
			throw new ManifestException(Problem.INVALID_VALUE, id,
					"Plugin '" + id + "': the value of '" + ex.getName() + "' could not be bound to "
							+ definition.configurationType().getSimpleName() + ": " + rootMessage(ex),
					"Fix the value of '" + ex.getName() + "' in your configuration.", List.of(), ex);
		}
		Plugin plugin;
		try {
			plugin = definition.create(configuration);
		}
		catch (PluginConfigurationException ex) {
			String key = prefix + "." + ex.key();
			boolean missing = this.binder.bind(key, Bindable.of(String.class)).isBound() == false;
			throw new ManifestException(missing ? Problem.MISSING_KEY : Problem.INVALID_VALUE, id,
					"Plugin '" + id + "': " + (missing ? "the required key '" + key + "' is missing. "
							: "the value of '" + key + "' is invalid. ") + ex.getMessage(),
					(missing ? "Add '" + key + "' under 'plugboard.plugins." + id + "'"
							: "Fix the value of '" + key + "'") + ", or remove the plugin from the manifest.",
					List.of(), ex);
		}
		if (!id.equals(plugin.id())) {
			throw new IllegalStateException("Definition " + definition.getClass().getName() + " has id '" + id
					+ "' but created a plugin with id '" + plugin.id() + "'");
		}
		return plugin;
	}

	private static PluginSource sourceOf(PluginDefinition<?> definition) {
		return definition.getClass().getName().startsWith(BUILT_IN_PACKAGE) ? PluginSource.BUILT_IN
				: PluginSource.LIBRARY;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
