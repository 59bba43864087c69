package dev.plugboard.autoconfigure.read;

/**
 * The after-read hooks on an embedded H2 database.
 */
class H2RepositoryReadHooksIntegrationTests extends AbstractRepositoryReadHooksIntegrationTests {

}
