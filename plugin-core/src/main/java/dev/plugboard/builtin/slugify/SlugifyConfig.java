package dev.plugboard.builtin.slugify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link SlugifyPlugin}: which aggregates get a slug, from which
 * property into which, and how many times a save may be retried when another one took the
 * same slug first.
 *
 * @param sources the slug of each aggregate, keyed by aggregate name; at least one
 * @param maxAttempts how many times in all a save may run when its slug hits the unique
 * constraint because a concurrent save took it first, at least 1
 * @since 0.1.0
 */
public record SlugifyConfig(Map<String, Source> sources, int maxAttempts) {

	/** The default of {@link #maxAttempts()}. */
	public static final int DEFAULT_MAX_ATTEMPTS = 10;

	/**
	 * Check the sources and copy the map.
	 * @throws PluginConfigurationException when there is no source, or a source or the
	 * attempts are invalid
	 */
	public SlugifyConfig {
		if (sources.isEmpty()) {
			throw new PluginConfigurationException("sources",
					"List at least one aggregate under 'sources', with the property the slug comes from and the one "
							+ "it goes to, such as 'sources.articles.from: title' and 'sources.articles.to: slug'.");
		}
		if (maxAttempts < 1) {
			throw new PluginConfigurationException("max-attempts",
					"Must be at least 1 (a save without retries), was " + maxAttempts + ".");
		}
		sources.forEach((aggregate, source) -> source.check("sources." + aggregate));
		sources = Map.copyOf(new LinkedHashMap<>(sources));
	}

	/**
	 * A configuration with the default number of attempts.
	 * @param sources the slug of each aggregate, keyed by aggregate name
	 * @return the configuration
	 */
	public static SlugifyConfig of(Map<String, Source> sources) {
		return new SlugifyConfig(sources, DEFAULT_MAX_ATTEMPTS);
	}

	/**
	 * The slug of one aggregate.
	 *
	 * @param from the property the slug is derived from, such as {@code title}
	 * @param to the {@code String} property the slug is stored in, such as {@code slug}
	 * @param table the table whose {@code column} is checked for taken slugs, or
	 * {@code null} for the aggregate name
	 * @param column the column of {@code to}, or {@code null} for the name Spring Data
	 * JDBC gives it: the {@code @Column} name of the property, or its snake-cased name
	 * ({@code urlSlug} is {@code url_slug})
	 * @param onUpdate whether an UPDATE derives the slug again from the (possibly
	 * changed) source; by default a slug is permanent once stored
	 * @param maxLength the most characters of a slug, suffix included, at least 8
	 * @param unique whether a slug must be unique in the table: a taken slug gets the
	 * first free suffix, {@code -2}, {@code -3}…
	 * @param fallback the text a slug is derived from when the source is {@code null},
	 * blank or has nothing to spell in ASCII, or {@code null} to leave such an entity
	 * without a slug
	 */
	public record Source(String from, String to, @Nullable String table, @Nullable String column, boolean onUpdate,
			int maxLength, boolean unique, @Nullable String fallback) {

		/** The default of {@link #maxLength()}. */
		public static final int DEFAULT_MAX_LENGTH = 80;

		/** The smallest {@link #maxLength()}: a short word and a suffix. */
		public static final int MIN_MAX_LENGTH = 8;

		/**
		 * A source with the defaults: derived on INSERT only, at most 80 characters,
		 * unique, no fallback.
		 * @param from the property the slug is derived from
		 * @param to the property the slug is stored in
		 * @return the source
		 */
		public static Source of(String from, String to) {
			return new Source(from, to, null, null, false, DEFAULT_MAX_LENGTH, true, null);
		}

		void check(String key) {
			requireName(key + ".from", this.from);
			requireName(key + ".to", this.to);
			if (this.from.equals(this.to)) {
				throw new PluginConfigurationException(key + ".to",
						"The slug cannot replace its own source '" + this.from + "'; store it in another property.");
			}
			if (this.maxLength < MIN_MAX_LENGTH) {
				throw new PluginConfigurationException(key + ".max-length", "Must be at least " + MIN_MAX_LENGTH
						+ ", to leave room for a word and a suffix such as '-2', was " + this.maxLength + ".");
			}
			if (this.table != null && this.table.isBlank()) {
				throw new PluginConfigurationException(key + ".table", "Must name a table, or be left out.");
			}
			if (this.column != null && this.column.isBlank()) {
				throw new PluginConfigurationException(key + ".column", "Must name a column, or be left out.");
			}
			if (this.fallback != null && Slugger.latin().slug(this.fallback).isEmpty()) {
				throw new PluginConfigurationException(key + ".fallback", "'" + this.fallback
						+ "' has no ASCII letter or digit to make a slug of; use a word such as 'untitled'.");
			}
		}

		private static void requireName(String key, @Nullable String name) {
			if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))
					|| !name.codePoints().allMatch(Character::isJavaIdentifierPart)) {
				throw new PluginConfigurationException(key,
						"'" + name + "' is not a Java property name; name the entity's property, such as 'title'.");
			}
		}

	}

}
