/**
 * Tests of the durable outbox through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.outbox;

import org.jspecify.annotations.NullMarked;
