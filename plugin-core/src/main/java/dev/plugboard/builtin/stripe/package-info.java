/**
 * The {@code stripe} built-in: a receiver for Stripe webhook events that verifies the
 * {@code Stripe-Signature} header, records each event id once and dispatches verified
 * events by type to the application's
 * {@link dev.plugboard.builtin.stripe.StripeEventHandler} beans.
 */
@NullMarked
package dev.plugboard.builtin.stripe;

import org.jspecify.annotations.NullMarked;
