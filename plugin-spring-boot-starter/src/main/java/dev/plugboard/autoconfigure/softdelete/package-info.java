/**
 * Auto-configuration of the {@code soft-delete} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.softdelete;

import org.jspecify.annotations.NullMarked;
