/**
 * Auto-configuration of the {@code validation} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.validation;

import org.jspecify.annotations.NullMarked;
