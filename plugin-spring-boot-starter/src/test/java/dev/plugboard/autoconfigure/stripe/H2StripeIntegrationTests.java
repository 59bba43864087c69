package dev.plugboard.autoconfigure.stripe;

/**
 * The {@code stripe} built-in on an embedded H2 database, whose event table the starter
 * creates by default ({@code initialize-schema: embedded}).
 */
class H2StripeIntegrationTests extends AbstractStripeIntegrationTests {

}
