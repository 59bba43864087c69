/**
 * The {@code rate-limit} built-in: token buckets per client and policy, kept locally or
 * shared through Redis.
 */
@NullMarked
package dev.plugboard.builtin.ratelimit;

import org.jspecify.annotations.NullMarked;
