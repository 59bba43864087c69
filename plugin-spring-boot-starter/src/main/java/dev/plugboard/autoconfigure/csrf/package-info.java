/**
 * Auto-configuration of the {@code csrf} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.csrf;

import org.jspecify.annotations.NullMarked;
