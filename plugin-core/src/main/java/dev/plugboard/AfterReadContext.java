package dev.plugboard;

/**
 * The argument of {@link AfterReadPlugin#afterRead}: one entity a repository find method
 * is about to return, which the hook may hide from the result or replace with a redacted
 * copy.
 *
 * <p>
 * It is not a {@link WriteContext}: a read has no {@link WriteOp}, and nothing a read
 * hook does is written. Helpers that a plugin shares between its write and read hooks
 * take the common {@link EntityContext}.
 *
 * @since 0.1.0
 */
public interface AfterReadContext extends EntityContext {

	/**
	 * Drop the entity from the result: a single-entity finder returns {@code null}, an
	 * {@code Optional} one is empty, and a collection, stream or page leaves the entity
	 * out. Later after-read hooks are not called for a hidden entity.
	 */
	void hide();

	/**
	 * Replace the entity in the result, typically with a copy whose sensitive fields are
	 * masked. Later after-read hooks and the caller see the replacement; the stored row
	 * is unchanged. Replace rather than mutate: the entity may be shared (a cache, a
	 * persistence context), and a mutated managed entity may be flushed back to the
	 * database.
	 * @param entity the replacement, of the same entity type
	 * @throws IllegalArgumentException when {@code entity} is not of the entity type
	 * @throws IllegalStateException when the entity was hidden
	 */
	void setEntity(Object entity);

}
