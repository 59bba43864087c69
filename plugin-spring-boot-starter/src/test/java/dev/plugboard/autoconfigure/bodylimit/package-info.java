/**
 * Tests of the {@code body-limit} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.bodylimit;

import org.jspecify.annotations.NullMarked;
