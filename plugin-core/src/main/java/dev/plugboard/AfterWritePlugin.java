package dev.plugboard;

/**
 * A hook that runs right after a repository write's SQL, in the same transaction. Use it
 * for what must follow a write: an audit row that commits with the entity, or work handed
 * to {@link AfterWriteContext#defer(Runnable)} that runs after commit (notifications,
 * cache warm-up).
 *
 * <p>
 * An after-write hook cannot change the outcome of the write: an exception it throws is
 * logged and counted, not propagated, except a database error, which still aborts the
 * transaction so that nothing half-done commits. It must not block: hand slow work to
 * {@code defer}.
 *
 * @since 0.1.0
 */
public interface AfterWritePlugin extends Plugin {

	/**
	 * React to one entity that was just written.
	 * @param write the write, with the saved entity and its generated id; valid only
	 * during this call
	 */
	void afterWrite(AfterWriteContext write);

}
