/**
 * Tests of the {@code cors} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.cors;

import org.jspecify.annotations.NullMarked;
