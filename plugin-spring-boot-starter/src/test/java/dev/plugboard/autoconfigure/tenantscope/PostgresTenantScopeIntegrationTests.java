package dev.plugboard.autoconfigure.tenantscope;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The {@code tenant-scope} built-in on PostgreSQL at 127.0.0.1:5432, in its own schema.
 */
@EnabledIfPostgres
class PostgresTenantScopeIntegrationTests extends AbstractTenantScopeIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_tenant"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
