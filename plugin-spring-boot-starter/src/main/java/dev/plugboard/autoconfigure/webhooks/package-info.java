/**
 * Auto-configuration of the {@code webhooks} built-in.
 */
@NullMarked
package dev.plugboard.autoconfigure.webhooks;

import org.jspecify.annotations.NullMarked;
