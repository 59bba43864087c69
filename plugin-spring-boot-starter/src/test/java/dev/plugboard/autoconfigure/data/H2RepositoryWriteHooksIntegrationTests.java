package dev.plugboard.autoconfigure.data;

/**
 * The repository interceptor on an embedded H2 database.
 */
class H2RepositoryWriteHooksIntegrationTests extends AbstractRepositoryWriteHooksIntegrationTests {

}
