package dev.plugboard.sample;

/**
 * The sample's main flows on the default embedded H2 database.
 */
class H2SampleFlowIntegrationTests extends SampleFlowIntegrationTests {

}
