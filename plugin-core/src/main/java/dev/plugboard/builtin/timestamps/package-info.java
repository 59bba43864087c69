/**
 * The {@code timestamps} built-in: stamps the created and updated fields of entities on
 * every repository write.
 */
@NullMarked
package dev.plugboard.builtin.timestamps;

import org.jspecify.annotations.NullMarked;
