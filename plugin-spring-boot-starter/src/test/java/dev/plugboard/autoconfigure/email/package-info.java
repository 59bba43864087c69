/**
 * Tests of the {@code email} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.email;

import org.jspecify.annotations.NullMarked;
