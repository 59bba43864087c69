/**
 * Auto-configuration of the {@code immutable-fields} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.immutablefields;

import org.jspecify.annotations.NullMarked;
