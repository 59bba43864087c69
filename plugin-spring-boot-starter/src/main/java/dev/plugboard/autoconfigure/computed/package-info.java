/**
 * Auto-configuration of the {@code computed} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.computed;

import org.jspecify.annotations.NullMarked;
