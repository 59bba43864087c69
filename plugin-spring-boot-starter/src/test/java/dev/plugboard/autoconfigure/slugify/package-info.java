/**
 * Tests of the {@code slugify} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.slugify;

import org.jspecify.annotations.NullMarked;
