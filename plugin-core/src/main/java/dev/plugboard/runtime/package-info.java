/**
 * The runtime that resolves, orders and dispatches plugins. Public so that the starter
 * can wire it; plugin authors use {@code dev.plugboard} instead.
 */
@NullMarked
package dev.plugboard.runtime;

import org.jspecify.annotations.NullMarked;
