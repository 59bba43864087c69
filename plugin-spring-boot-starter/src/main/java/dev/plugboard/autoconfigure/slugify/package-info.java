/**
 * Auto-configuration of the {@code slugify} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.slugify;

import org.jspecify.annotations.NullMarked;
