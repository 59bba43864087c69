package dev.plugboard.autoconfigure.webhooks;

/**
 * The {@code webhooks} built-in end to end on an embedded H2 database.
 */
class H2WebhooksIntegrationTests extends AbstractWebhooksIntegrationTests {

}
