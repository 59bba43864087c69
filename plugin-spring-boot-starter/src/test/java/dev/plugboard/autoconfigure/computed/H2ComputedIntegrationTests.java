package dev.plugboard.autoconfigure.computed;

/**
 * The {@code computed} built-in on an embedded H2 database.
 */
class H2ComputedIntegrationTests extends AbstractComputedIntegrationTests {

}
