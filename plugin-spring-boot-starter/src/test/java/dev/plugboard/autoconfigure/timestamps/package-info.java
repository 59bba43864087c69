/**
 * Tests of the {@code timestamps} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.timestamps;

import org.jspecify.annotations.NullMarked;
