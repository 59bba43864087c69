package dev.plugboard.autoconfigure.softdelete;

/**
 * The {@code soft-delete} built-in on an embedded H2 database.
 */
class H2SoftDeleteIntegrationTests extends AbstractSoftDeleteIntegrationTests {

}
