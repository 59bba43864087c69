package dev.plugboard.runtime;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when the {@code plugboard.plugins} manifest or the set of plugin
 * beans is invalid. The starter's failure analyzer turns it into a description and an
 * action.
 */
public class ManifestException extends RuntimeException {

	/** What is wrong with the manifest. */
	public enum Problem {

		/** An id in the manifest matches no plugin bean and no definition. */
		UNKNOWN_ID,

		/** Two manifest entries, or two plugins, share an id. */
		DUPLICATE_ID,

		/** A plugin id is not kebab-case. */
		INVALID_ID,

		/** A value in a plugin's entry does not bind or is rejected by the plugin. */
		INVALID_VALUE,

		/** A plugin's entry lacks a key the plugin requires. */
		MISSING_KEY,

		/**
		 * A repository write path cannot show its entity to the hooks and the manifest
		 * says fail.
		 */
		UNSUPPORTED_WRITE,

		/** A plugin route clashes with an application route or another plugin's route. */
		ROUTE_CLASH

	}

	private final Problem problem;

	private final @Nullable String pluginId;

	private final String action;

	private final List<String> knownIds;

	/**
	 * Create an exception.
	 * @param problem what kind of problem
	 * @param pluginId the plugin concerned, if one
	 * @param description what is wrong
	 * @param action how to fix it
	 * @param knownIds the ids the manifest may use, for the report
	 */
	public ManifestException(Problem problem, @Nullable String pluginId, String description, String action,
			List<String> knownIds) {
		this(problem, pluginId, description, action, knownIds, null);
	}

	/**
	 * Create an exception with a cause.
	 * @param problem what kind of problem
	 * @param pluginId the plugin concerned, if one
	 * @param description what is wrong
	 * @param action how to fix it
	 * @param knownIds the ids the manifest may use, for the report
	 * @param cause the underlying failure
	 */
	public ManifestException(Problem problem, @Nullable String pluginId, String description, String action,
			List<String> knownIds, @Nullable Throwable cause) {
		super(description, cause);
		this.problem = problem;
		this.pluginId = pluginId;
		this.action = action;
		this.knownIds = List.copyOf(knownIds);
	}

	public Problem problem() {
		return this.problem;
	}

	public @Nullable String pluginId() {
		return this.pluginId;
	}

	/**
	 * What is wrong, in a sentence or two.
	 * @return the description
	 */
	public String description() {
		return getMessage();
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	public List<String> knownIds() {
		return this.knownIds;
	}

}
