/**
 * Auto-configuration of the {@code audit-log} built-in: its JDBC store and schema.
 */
@NullMarked
package dev.plugboard.autoconfigure.auditlog;

import org.jspecify.annotations.NullMarked;
