package dev.plugboard.autoconfigure.timestamps;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code timestamps} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.timestamps")
public class TimestampsProperties {

	/**
	 * Entity property that holds the creation time, set on INSERT and kept as stored on
	 * UPDATE.
	 */
	private String created = "createdAt";

	/**
	 * Entity property that holds the time of the last write, set on INSERT and UPDATE.
	 */
	private String updated = "updatedAt";

	/**
	 * Whether an UPDATE whose entity carries a created time keeps it without loading the
	 * stored row. By default the stored row is loaded on every UPDATE of an entity with a
	 * created property, so that a client cannot change the created time.
	 */
	private boolean trustIncomingCreated;

	/**
	 * Property names for some aggregates, keyed by aggregate (table) name, overriding
	 * 'created' and 'updated'.
	 */
	private Map<String, Fields> fields = new LinkedHashMap<>();

	public String getCreated() {
		return this.created;
	}

	public void setCreated(String created) {
		this.created = created;
	}

	public String getUpdated() {
		return this.updated;
	}

	public void setUpdated(String updated) {
		this.updated = updated;
	}

	public boolean isTrustIncomingCreated() {
		return this.trustIncomingCreated;
	}

	public void setTrustIncomingCreated(boolean trustIncomingCreated) {
		this.trustIncomingCreated = trustIncomingCreated;
	}

	public Map<String, Fields> getFields() {
		return this.fields;
	}

	public void setFields(Map<String, Fields> fields) {
		this.fields = fields;
	}

	/**
	 * The property names of one aggregate.
	 */
	public static class Fields {

		/**
		 * Entity property that holds the creation time, instead of the default.
		 */
		private @Nullable String created;

		/**
		 * Entity property that holds the time of the last write, instead of the default.
		 */
		private @Nullable String updated;

		public @Nullable String getCreated() {
			return this.created;
		}

		public void setCreated(@Nullable String created) {
			this.created = created;
		}

		public @Nullable String getUpdated() {
			return this.updated;
		}

		public void setUpdated(@Nullable String updated) {
			this.updated = updated;
		}

	}

}
