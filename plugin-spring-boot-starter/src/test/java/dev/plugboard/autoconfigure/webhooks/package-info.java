/**
 * Tests of the {@code webhooks} built-in's auto-configuration.
 */
@NullMarked
package dev.plugboard.autoconfigure.webhooks;

import org.jspecify.annotations.NullMarked;
