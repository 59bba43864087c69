package dev.plugboard;

/**
 * The argument of {@link BeforeWritePlugin#beforeWrite}: one entity about to be written, which the
 * hook may mutate or replace.
 *
 * @since 0.1.0
 */
public interface BeforeWriteContext extends WriteContext {

	/**
	 * Replace the entity that will be written, for immutable entities such as records. Later
	 * before-write hooks and the repository see the replacement.
	 * @param entity the replacement, of the same entity type
	 * @throws IllegalArgumentException when {@code entity} is not of the entity type, or when the
	 * operation is {@link WriteOp#DELETE}
	 */
	void setEntity(Object entity);

}
