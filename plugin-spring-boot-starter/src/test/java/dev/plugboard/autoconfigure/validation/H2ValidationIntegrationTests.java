package dev.plugboard.autoconfigure.validation;

/**
 * The {@code validation} built-in on an embedded H2 database.
 */
class H2ValidationIntegrationTests extends AbstractValidationIntegrationTests {

}
