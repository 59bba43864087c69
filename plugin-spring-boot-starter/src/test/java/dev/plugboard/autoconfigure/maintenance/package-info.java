/**
 * Tests of the {@code maintenance-mode} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.maintenance;

import org.jspecify.annotations.NullMarked;
