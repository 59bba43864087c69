/**
 * The {@code webhooks} built-in: entity events posted to configured endpoints through the
 * durable outbox, signed per the Standard Webhooks specification.
 */
@NullMarked
package dev.plugboard.builtin.webhooks;

import org.jspecify.annotations.NullMarked;
