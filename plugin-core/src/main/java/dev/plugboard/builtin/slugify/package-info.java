/**
 * The {@code slugify} built-in: derives unique URL slugs from a source property of
 * entities on repository writes.
 */
@NullMarked
package dev.plugboard.builtin.slugify;

import org.jspecify.annotations.NullMarked;
