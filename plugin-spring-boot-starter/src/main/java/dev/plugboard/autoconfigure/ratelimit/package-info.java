/**
 * Auto-configuration of the {@code rate-limit} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
