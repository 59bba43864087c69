package dev.plugboard.builtin.softdelete;

/**
 * Restores and purges soft-deleted rows directly in the database, for the
 * {@link SoftDeletePlugin}'s routes and for application code (the starter defines one as
 * a bean, backed by JDBC). Both work on soft-deleted rows only, and bypass the repository
 * and its hooks: no write hook (timestamps, audit-log) sees them.
 *
 * <p>
 * Implementations must be thread-safe; each call runs in the caller's transaction, or in
 * one of its own.
 *
 * @since 0.1.0
 */
public interface SoftDeleteStore {

	/**
	 * Clear the deleted-at field of a soft-deleted row, making it visible again.
	 * @param aggregate the aggregate (table) name
	 * @param id the row's id, as text (converted to the id's type)
	 * @return whether a soft-deleted row with that id was restored; {@code false} also
	 * when the aggregate is not soft-deleted
	 * @throws IllegalArgumentException when the id does not convert to the id's type
	 */
	boolean restore(String aggregate, String id);

	/**
	 * Delete a soft-deleted row for good.
	 * @param aggregate the aggregate (table) name
	 * @param id the row's id, as text (converted to the id's type)
	 * @return whether a soft-deleted row with that id was purged; {@code false} also when
	 * the aggregate is not soft-deleted
	 * @throws IllegalArgumentException when the id does not convert to the id's type
	 */
	boolean purge(String aggregate, String id);

}
