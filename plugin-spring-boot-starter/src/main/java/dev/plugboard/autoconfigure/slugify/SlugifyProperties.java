package dev.plugboard.autoconfigure.slugify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code slugify} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.slugify")
public class SlugifyProperties {

	/**
	 * Slug of each aggregate, keyed by aggregate (table) name.
	 */
	private Map<String, Source> sources = new LinkedHashMap<>();

	/**
	 * How many times in all a save may run when its slug hits the unique constraint
	 * because a concurrent save took it first.
	 */
	private int maxAttempts = 10;

	public Map<String, Source> getSources() {
		return this.sources;
	}

	public void setSources(Map<String, Source> sources) {
		this.sources = sources;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	/**
	 * The slug of one aggregate.
	 */
	public static class Source {

		/**
		 * Entity property the slug is derived from, such as 'title'.
		 */
		private @Nullable String from;

		/**
		 * String entity property the slug is stored in, such as 'slug'.
		 */
		private @Nullable String to;

		/**
		 * Table checked for taken slugs. Defaults to the aggregate name.
		 */
		private @Nullable String table;

		/**
		 * Column of the slug property. Defaults to its @Column name, or its snake-cased
		 * name.
		 */
		private @Nullable String column;

		/**
		 * Whether an UPDATE derives the slug again when the source changed. By default a
		 * slug is permanent once stored.
		 */
		private boolean onUpdate;

		/**
		 * Most characters of a slug, suffix included. Longer slugs are cut at a word
		 * boundary.
		 */
		private int maxLength = 80;

		/**
		 * Whether slugs must be unique in the table: a taken slug gets the first free
		 * suffix, '-2', '-3' and so on. Needs a unique constraint on the column to hold
		 * under concurrent saves.
		 */
		private boolean unique = true;

		/**
		 * Text the slug is derived from when the source is null, blank or has nothing to
		 * spell in ASCII. By default such an entity gets no slug.
		 */
		private @Nullable String fallback;

		public @Nullable String getFrom() {
			return this.from;
		}

		public void setFrom(@Nullable String from) {
			this.from = from;
		}

		public @Nullable String getTo() {
			return this.to;
		}

		public void setTo(@Nullable String to) {
			this.to = to;
		}

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public @Nullable String getColumn() {
			return this.column;
		}

		public void setColumn(@Nullable String column) {
			this.column = column;
		}

		public boolean isOnUpdate() {
			return this.onUpdate;
		}

		public void setOnUpdate(boolean onUpdate) {
			this.onUpdate = onUpdate;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public boolean isUnique() {
			return this.unique;
		}

		public void setUnique(boolean unique) {
			this.unique = unique;
		}

		public @Nullable String getFallback() {
			return this.fallback;
		}

		public void setFallback(@Nullable String fallback) {
			this.fallback = fallback;
		}

	}

}
