/**
 * Tests of the {@code validation} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.validation;

import org.jspecify.annotations.NullMarked;
