/**
 * Tests of the {@code rate-limit} built-in's auto-configuration.
 */
@NullMarked
package dev.plugboard.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
