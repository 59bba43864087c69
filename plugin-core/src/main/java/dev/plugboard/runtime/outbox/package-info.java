/**
 * The durable outbox: the JDBC {@link dev.plugboard.Outbox}, its table access and the
 * worker pool that delivers records through the {@link dev.plugboard.OutboxPlugin} of
 * their topic. Public so that the starter can wire it.
 */
@NullMarked
package dev.plugboard.runtime.outbox;

import org.jspecify.annotations.NullMarked;
