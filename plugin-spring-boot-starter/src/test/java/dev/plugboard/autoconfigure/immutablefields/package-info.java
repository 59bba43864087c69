/**
 * Tests of the {@code immutable-fields} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.immutablefields;

import org.jspecify.annotations.NullMarked;
