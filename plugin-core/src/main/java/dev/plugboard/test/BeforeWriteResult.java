package dev.plugboard.test;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.WriteOp;

/**
 * What a plugin's before-write hook decided about one entity, as returned by
 * {@link PluginHarness#beforeWriteResult}: the entity as it would be written, the
 * operation the repository would carry out, and whether the statement would be skipped.
 * Use it to test plugins that call {@link BeforeWriteContext#skip()} or
 * {@link BeforeWriteContext#saveInstead(Object)}.
 *
 * @param <T> the entity type
 * @param entity the entity as it would be written (for a DELETE turned into a save, the
 * entity to save)
 * @param op the operation the repository would carry out: {@link WriteOp#UPDATE} for a
 * DELETE a hook turned into a save
 * @param skipped whether a hook skipped the statement, so nothing would be written and no
 * after-write hook would run
 * @since 0.1.0
 */
public record BeforeWriteResult<T>(T entity, WriteOp op, boolean skipped) {

}
