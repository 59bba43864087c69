/**
 * Auto-configuration of the {@code body-limit} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.bodylimit;

import org.jspecify.annotations.NullMarked;
