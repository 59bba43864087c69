/**
 * The {@code audit-log} built-in: one hash-chained row per repository write, committed
 * with the write, and routes to verify and page through the log.
 */
@NullMarked
package dev.plugboard.builtin.auditlog;

import org.jspecify.annotations.NullMarked;
