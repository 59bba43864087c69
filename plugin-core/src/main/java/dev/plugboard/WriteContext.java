package dev.plugboard;

/**
 * What the write hooks share about one entity being written by a repository. Use its two
 * refinements: {@link BeforeWriteContext} and {@link AfterWriteContext}.
 *
 * <p>
 * A context belongs to one write on one thread; do not keep it after the hook returns.
 *
 * @since 0.1.0
 */
public interface WriteContext extends EntityContext {

	/**
	 * Whether the entity is inserted, updated or deleted.
	 * @return the operation
	 */
	WriteOp op();

}
