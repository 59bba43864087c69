/**
 * The {@code ip-filter} built-in: allow and deny lists of client addresses and ranges,
 * per path pattern.
 */
@NullMarked
package dev.plugboard.builtin.ipfilter;

import org.jspecify.annotations.NullMarked;
