package dev.plugboard.autoconfigure.timestamps;

/**
 * The {@code timestamps} built-in on an embedded H2 database.
 */
class H2TimestampsIntegrationTests extends AbstractTimestampsIntegrationTests {

}
