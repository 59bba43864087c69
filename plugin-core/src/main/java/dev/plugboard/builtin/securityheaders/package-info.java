/**
 * The {@code security-headers} built-in: HSTS, nosniff, frame options, referrer,
 * permissions and content security policies on every response, never overriding a header
 * the application set.
 */
@NullMarked
package dev.plugboard.builtin.securityheaders;

import org.jspecify.annotations.NullMarked;
