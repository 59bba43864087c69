package dev.plugboard.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.plugboard.Plugin;
import dev.plugboard.runtime.ManifestException.Problem;

/**
 * The resolved set of plugins: every plugin bean and every plugin created from a listed
 * definition, checked against the manifest and ordered by order, then id. Immutable once
 * built.
 */
public final class PluginRegistry {

	private static final Comparator<RegisteredPlugin> ORDER = Comparator.comparingInt(RegisteredPlugin::order)
		.thenComparing(RegisteredPlugin::id);

	private final List<RegisteredPlugin> all;

	private final List<RegisteredPlugin> enabled;

	private final List<String> knownIds;

	private PluginRegistry(List<RegisteredPlugin> all, List<String> knownIds) {
		this.all = List.copyOf(all);
		this.enabled = all.stream().filter(RegisteredPlugin::enabled).toList();
		this.knownIds = List.copyOf(knownIds);
	}

	/**
	 * Start resolving a registry from a manifest.
	 * @param manifest the manifest entries, keyed by id as written
	 * @return a builder
	 * @throws ManifestException when an entry is not a valid id, or two entries name one
	 * id
	 */
	public static Builder builder(Map<String, PluginSettings> manifest) {
		return new Builder(manifest);
	}

	/**
	 * Every plugin, enabled or not, in dispatch order.
	 * @return the plugins
	 */
	public List<RegisteredPlugin> all() {
		return this.all;
	}

	/**
	 * The enabled plugins in dispatch order.
	 * @return the plugins
	 */
	public List<RegisteredPlugin> enabled() {
		return this.enabled;
	}

	/**
	 * The first enabled plugin of a type, for the parts of a built-in that live outside
	 * it (its endpoint, its startup checks, a bean that hands it to the application).
	 * @param <P> the plugin type
	 * @param type the plugin class
	 * @return the plugin, or {@code null} when none of that type is enabled
	 */
	public <P> @Nullable P enabled(Class<P> type) {
		for (RegisteredPlugin registered : this.enabled) {
			if (type.isInstance(registered.plugin())) {
				return type.cast(registered.plugin());
			}
		}
		return null;
	}

	/**
	 * Every id the manifest may name: plugin beans and definitions, listed or not.
	 * @return the ids, sorted
	 */
	public List<String> knownIds() {
		return this.knownIds;
	}

	/**
	 * Resolves a {@link PluginRegistry}, failing with a {@link ManifestException} on the
	 * first problem. Invalid and duplicate manifest entries fail as soon as the builder
	 * is created, before any plugin is created from its entry.
	 */
	public static final class Builder {

		private final Map<String, PluginSettings> manifest = new LinkedHashMap<>();

		private final Map<String, Plugin> plugins = new LinkedHashMap<>();

		private final Map<String, PluginSource> sources = new LinkedHashMap<>();

		private final TreeSet<String> knownIds = new TreeSet<>();

		private Builder(Map<String, PluginSettings> manifest) {
			Map<String, String> writtenAs = new LinkedHashMap<>();
			manifest.forEach((written, settings) -> {
				String id = PluginIds.normalise(written);
				if (!PluginIds.isValid(id)) {
					throw new ManifestException(Problem.INVALID_ID, id,
							"The manifest entry 'plugboard.plugins." + written + "' is not a valid plugin id.",
							"Write plugin ids in kebab-case: lower-case letters, digits and single hyphens, such as 'slack-notifier'.",
							List.of());
				}
				String previous = writtenAs.putIfAbsent(id, written);
				if (previous != null) {
					throw new ManifestException(Problem.DUPLICATE_ID, id,
							"The manifest lists plugin '" + id + "' twice, as 'plugboard.plugins." + previous
									+ "' and 'plugboard.plugins." + written + "' ('_' and '-' are the same).",
							"Merge the two entries into one under 'plugboard.plugins." + id + "'.", List.of());
				}
				this.manifest.put(id, settings);
			});
		}

		/**
		 * Declare an id that a definition could create, whether or not the manifest lists
		 * it.
		 * @param id the definition's id
		 * @return this builder
		 */
		public Builder known(String id) {
			this.knownIds.add(id);
			return this;
		}

		/**
		 * The manifest entry for an id, normalised.
		 * @param id the id
		 * @return the settings, {@link PluginSettings#EMPTY} when the id is not listed
		 */
		public PluginSettings settings(String id) {
			return this.manifest.getOrDefault(id, PluginSettings.EMPTY);
		}

		/**
		 * Whether the manifest lists an id and does not disable it: a definition with
		 * this id should be created.
		 * @param id the id
		 * @return whether it is listed and enabled
		 */
		public boolean isListedAndEnabled(String id) {
			PluginSettings settings = this.manifest.get(id);
			return settings != null && !Boolean.FALSE.equals(settings.enabled());
		}

		/**
		 * Add a plugin.
		 * @param plugin the plugin
		 * @param source where it comes from
		 * @return this builder
		 * @throws ManifestException when its id is invalid or already taken
		 */
		public Builder add(Plugin plugin, PluginSource source) {
			String id = plugin.id();
			if (id == null || !PluginIds.isValid(id)) {
				throw new ManifestException(Problem.INVALID_ID, id,
						"Plugin " + plugin.getClass().getName() + " has the id '" + id + "', which is not kebab-case.",
						"Return a lower-case id made of letters, digits and single hyphens from id(), such as 'slack-notifier'.",
						List.copyOf(this.knownIds));
			}
			Plugin existing = this.plugins.putIfAbsent(id, plugin);
			if (existing != null) {
				throw new ManifestException(Problem.DUPLICATE_ID, id,
						"Two plugins have the id '" + id + "': " + existing.getClass().getName() + " and "
								+ plugin.getClass().getName() + ".",
						"Give each plugin its own id, or remove one of the two beans.", List.copyOf(this.knownIds));
			}
			this.sources.put(id, source);
			this.knownIds.add(id);
			return this;
		}

		/**
		 * Check the manifest against the plugins and resolve the registry.
		 * @return the registry
		 * @throws ManifestException on an unknown id
		 */
		public PluginRegistry build() {
			List<String> known = List.copyOf(this.knownIds);
			for (String id : this.manifest.keySet()) {
				if (!this.knownIds.contains(id)) {
					String nearest = PluginIds.nearest(id, this.knownIds);
					String description = "The manifest names plugin '" + id + "' (plugboard.plugins." + id
							+ "), but no plugin has that id."
							+ ((nearest != null) ? " Did you mean '" + nearest + "'?" : "");
					String action = ((nearest != null) ? "Rename the entry to '" + nearest + "', or r" : "R")
							+ "emove it. Known plugin ids: " + (known.isEmpty() ? "(none)" : String.join(", ", known))
							+ ".";
					throw new ManifestException(Problem.UNKNOWN_ID, id, description, action, known);
				}
			}
			List<RegisteredPlugin> all = new ArrayList<>();
			this.plugins
				.forEach((id, plugin) -> all.add(new RegisteredPlugin(plugin, id, this.sources.get(id), settings(id))));
			all.sort(ORDER);
			return new PluginRegistry(all, known);
		}

	}

}
