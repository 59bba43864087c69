/**
 * Auto-configuration of the {@code cors} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.cors;

import org.jspecify.annotations.NullMarked;
