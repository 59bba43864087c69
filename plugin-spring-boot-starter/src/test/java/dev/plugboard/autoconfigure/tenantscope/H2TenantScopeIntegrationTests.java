package dev.plugboard.autoconfigure.tenantscope;

/**
 * The {@code tenant-scope} built-in on an embedded H2 database.
 */
class H2TenantScopeIntegrationTests extends AbstractTenantScopeIntegrationTests {

}
