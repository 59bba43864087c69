/**
 * The {@code body-limit} built-in: request bodies over a size limit, per path pattern,
 * are refused with a 413.
 */
@NullMarked
package dev.plugboard.builtin.bodylimit;

import org.jspecify.annotations.NullMarked;
