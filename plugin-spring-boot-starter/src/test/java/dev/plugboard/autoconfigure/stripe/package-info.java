/**
 * Tests of the {@code stripe} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.stripe;

import org.jspecify.annotations.NullMarked;
