/**
 * The {@code validation} built-in: rules declared in the manifest per aggregate and
 * field, Jakarta Bean Validation annotations, and custom {@link ValidationRule}s, checked
 * before each insert and update and answered with every failing field.
 */
@NullMarked
package dev.plugboard.builtin.validation;

import org.jspecify.annotations.NullMarked;
