/**
 * The {@code csrf} built-in: protects cookie-authenticated unsafe requests with a signed
 * double-submit token, Fetch Metadata and an {@code Origin} check.
 */
@NullMarked
package dev.plugboard.builtin.csrf;

import org.jspecify.annotations.NullMarked;
