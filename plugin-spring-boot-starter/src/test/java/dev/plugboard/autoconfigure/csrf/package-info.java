/**
 * Tests of the {@code csrf} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.csrf;

import org.jspecify.annotations.NullMarked;
