/**
 * Tests of the {@code soft-delete} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.softdelete;

import org.jspecify.annotations.NullMarked;
