package dev.plugboard;

/**
 * A hook that runs on every entity a Spring Data repository find method returns, before
 * the caller sees it. Use it to filter or redact what a read returns: tenant scope, soft
 * delete, field redaction.
 *
 * <p>
 * It is called once per entity, in plugin order, for {@code findById}, {@code findAll*},
 * derived finders and {@code @Query} methods whose result holds entities (the entity
 * itself, {@code Optional}, collections, {@code Stream}, {@code Page}, {@code Slice},
 * {@code Window}). Hide the entity with {@link AfterReadContext#hide()}, replace it with
 * {@link AfterReadContext#setEntity(Object)}, or reject the whole read by throwing a
 * {@link PluginException}. Results that are not entities are not shown to it: counts,
 * {@code existsById}, projections and DTOs. Page and slice totals come from the query and
 * still count hidden rows.
 *
 * <p>
 * A read hook must not write: no transaction is opened for reads. It is called
 * concurrently from many threads, on the caller's thread; for a {@code Stream} result,
 * lazily as the caller consumes it. A fault (an exception that is not a
 * {@code PluginException}) is logged and counted, then follows the plugin's
 * {@link Plugin#onError() on-error}: fail-closed fails the read, so a broken filter never
 * leaks rows; fail-open returns the entity as if the plugin were absent.
 *
 * @since 0.1.0
 */
public interface AfterReadPlugin extends Plugin {

	/**
	 * Inspect, hide or replace one entity a repository read returns.
	 * @param read the entity, valid only during this call
	 * @throws PluginException to reject the read
	 */
	void afterRead(AfterReadContext read);

}
