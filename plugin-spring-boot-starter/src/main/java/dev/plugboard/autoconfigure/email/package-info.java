/**
 * Auto-configuration of the {@code email} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.email;

import org.jspecify.annotations.NullMarked;
