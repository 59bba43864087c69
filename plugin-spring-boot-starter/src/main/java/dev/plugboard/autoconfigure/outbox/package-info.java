/**
 * Auto-configuration of the durable outbox: its table, workers, endpoint and metrics.
 */
@NullMarked
package dev.plugboard.autoconfigure.outbox;

import org.jspecify.annotations.NullMarked;
