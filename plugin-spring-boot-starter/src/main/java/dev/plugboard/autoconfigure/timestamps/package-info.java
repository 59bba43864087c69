/**
 * Auto-configuration of the {@code timestamps} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.timestamps;

import org.jspecify.annotations.NullMarked;
