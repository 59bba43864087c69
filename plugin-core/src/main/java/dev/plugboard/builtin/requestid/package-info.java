/**
 * The {@code request-id} built-in: one correlation id per request, taken from a safe
 * incoming header or generated, echoed, logged and shared with the other plugins.
 */
@NullMarked
package dev.plugboard.builtin.requestid;

import org.jspecify.annotations.NullMarked;
