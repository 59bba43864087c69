package dev.plugboard;

/**
 * A hook that runs around every Spring Data repository write, inside the write's
 * transaction and before its SQL. Use it to fill in or check an entity: timestamps,
 * slugs, computed fields, validation, tenant stamping.
 *
 * <p>
 * Mutate the entity in place, or replace it (for immutable entities such as records) with
 * {@link BeforeWriteContext#setEntity(Object)}. Reject the write by throwing a
 * {@link PluginException}: the transaction rolls back and nothing is stored.
 *
 * @since 0.1.0
 */
public interface BeforeWritePlugin extends Plugin {

	/**
	 * Inspect, adapt or reject one entity about to be written.
	 * @param write the write, valid only during this call
	 * @throws PluginException to reject the write
	 */
	void beforeWrite(BeforeWriteContext write);

}
