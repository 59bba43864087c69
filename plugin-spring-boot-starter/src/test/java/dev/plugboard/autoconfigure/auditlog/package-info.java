/**
 * Tests of the {@code audit-log} built-in through the starter.
 */
@NullMarked
package dev.plugboard.autoconfigure.auditlog;

import org.jspecify.annotations.NullMarked;
