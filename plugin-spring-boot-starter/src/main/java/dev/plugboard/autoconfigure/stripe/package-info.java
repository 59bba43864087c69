/**
 * Auto-configuration of the {@code stripe} built-in: its JDBC event store and schema.
 */
@NullMarked
package dev.plugboard.autoconfigure.stripe;

import org.jspecify.annotations.NullMarked;
