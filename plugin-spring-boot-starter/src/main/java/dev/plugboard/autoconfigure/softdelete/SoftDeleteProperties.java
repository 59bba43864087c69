package dev.plugboard.autoconfigure.softdelete;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code soft-delete} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.soft-delete")
public class SoftDeleteProperties {

	/**
	 * Entity property that holds the deletion time: set instead of deleting the row, and
	 * rows where it is set are hidden from repository finders.
	 */
	private String field = "deletedAt";

	/**
	 * Aggregates (tables) deleted softly. Empty soft-deletes every aggregate whose entity
	 * has the deleted-at property.
	 */
	private List<String> aggregates = new ArrayList<>();

	/**
	 * Role allowed to restore and purge soft-deleted rows through the routes. The routes
	 * are mounted only when it is set.
	 */
	private @Nullable String role;

	/**
	 * Path under which the restore ('POST {base-path}/{aggregate}/{id}/restore') and
	 * purge ('DELETE {base-path}/{aggregate}/{id}/purge') routes are mounted.
	 */
	private String basePath = "/soft-delete";

	public String getField() {
		return this.field;
	}

	public void setField(String field) {
		this.field = field;
	}

	public List<String> getAggregates() {
		return this.aggregates;
	}

	public void setAggregates(List<String> aggregates) {
		this.aggregates = aggregates;
	}

	public @Nullable String getRole() {
		return this.role;
	}

	public void setRole(@Nullable String role) {
		this.role = role;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

}
