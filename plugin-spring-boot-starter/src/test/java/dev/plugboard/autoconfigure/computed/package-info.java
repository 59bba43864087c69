/**
 * Tests of the {@code computed} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.computed;

import org.jspecify.annotations.NullMarked;
