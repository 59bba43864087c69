package dev.plugboard;

/**
 * The kind of a repository write, decided from Spring Data's own new-entity check: saving
 * a new entity is an {@link #INSERT}, saving an existing one an {@link #UPDATE}.
 *
 * @since 0.1.0
 */
public enum WriteOp {

	/** A new entity is saved. */
	INSERT,

	/** An existing entity is saved. */
	UPDATE,

	/** An entity is deleted (by entity, by id, or in a batch of either). */
	DELETE

}
