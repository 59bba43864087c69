package dev.plugboard.autoconfigure.immutablefields;

/**
 * The {@code immutable-fields} built-in on an embedded H2 database.
 */
class H2ImmutableFieldsIntegrationTests extends AbstractImmutableFieldsIntegrationTests {

}
