package dev.plugboard;

import org.jspecify.annotations.Nullable;

/**
 * The argument of {@link BeforeWritePlugin#beforeWrite}: one entity about to be written,
 * which the hook may mutate or replace. Before-write hooks may run more than once for one
 * write when a plugin asked for {@link #retryOnDuplicateKey(int) retries}, so they should
 * be idempotent.
 *
 * @since 0.1.0
 */
public interface BeforeWriteContext extends WriteContext {

	/**
	 * Replace the entity that will be written, for immutable entities such as records.
	 * Later before-write hooks and the repository see the replacement.
	 * @param entity the replacement, of the same entity type
	 * @throws IllegalArgumentException when {@code entity} is not of the entity type, or
	 * when the operation is {@link WriteOp#DELETE}
	 */
	void setEntity(Object entity);

	/**
	 * Set a property of the entity: in place for a mutable entity, by replacing the
	 * entity with a copy for a record (as {@link #setEntity(Object)} would).
	 * @param property the property name
	 * @param value the value, assignable to the property's type
	 * @throws IllegalArgumentException when the entity has no such property or the value
	 * does not fit it, or when the operation is {@link WriteOp#DELETE}
	 */
	void set(String property, @Nullable Object value);

	/**
	 * The entity as currently stored, for an {@link WriteOp#UPDATE} or
	 * {@link WriteOp#DELETE}: loaded by id on the first call (one query, inside the
	 * write's transaction, not filtered by after-read hooks) and kept for the later hooks
	 * of this write, after-write included. Call it only when you need it: it costs a
	 * query.
	 * @return the stored entity, or {@code null} for an INSERT or when no row has the id
	 */
	@Nullable Object previous();

	/**
	 * Which try of this write the hooks are running for: 1, or more when a plugin asked
	 * for {@link #retryOnDuplicateKey(int) retries} and the statement hit a duplicate
	 * key.
	 * @return the attempt, from 1
	 */
	int attempt();

	/**
	 * Ask for the write to be retried when its statement fails with a duplicate key (a
	 * unique constraint): the statement runs under a savepoint, and on a duplicate key
	 * the transaction rolls back to it and every before-write hook runs again with
	 * {@link #attempt()} one higher, so a plugin can choose another value (a slug with a
	 * suffix). Applies to {@code save}; the largest count any hook asks for wins.
	 * @param maxAttempts how many tries in all, at least 1
	 */
	void retryOnDuplicateKey(int maxAttempts);

	/**
	 * Skip the repository's statement for this entity: nothing is written for it. Use it
	 * when the write is not needed, such as deleting a row that is already soft-deleted.
	 * Later before-write hooks still run (and may still reject the write); no after-write
	 * hook runs for a skipped entity, as nothing was written. The repository method
	 * returns as if it had written: {@code save} returns the entity as the hooks left it,
	 * {@code saveAll} returns it in its place, a delete returns normally. In a batch only
	 * this entity is skipped.
	 * @since 0.1.0
	 */
	void skip();

	/**
	 * Whether a hook of this write called {@link #skip()}.
	 * @return whether the statement will be skipped for this entity
	 * @since 0.1.0
	 */
	boolean skipped();

	/**
	 * Turn this {@link WriteOp#DELETE} into a save of the given entity: the repository
	 * saves it, as an UPDATE of the stored row, instead of deleting the row. Use it for
	 * soft deletes: pass a copy of the stored row with its deleted-at property set (or
	 * call this with a copy, then {@link #set(String, Object)}). From this call on,
	 * {@link #op()} answers {@link WriteOp#UPDATE} and {@link #entity()} the entity to
	 * save, so later before-write hooks treat the write as an update (timestamps stamp
	 * it, validation checks it), and the after-write hooks see an UPDATE of the saved
	 * entity, which is what happened in the database. In a batch delete only this entity
	 * is saved instead; the others are deleted.
	 *
	 * <p>
	 * Pass a new object (records are copied by {@code set}): do not mutate the entity
	 * {@link #previous()} returned, which later hooks compare against.
	 * @param entity the entity to save, of the entity type, with the id of the row
	 * @throws IllegalStateException when the operation is not a DELETE
	 * @throws IllegalArgumentException when {@code entity} is not of the entity type
	 * @since 0.1.0
	 */
	void saveInstead(Object entity);

}
