package dev.plugboard.autoconfigure.softdelete;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The {@code soft-delete} built-in on PostgreSQL at 127.0.0.1:5432, in its own schema.
 */
@EnabledIfPostgres
class PostgresSoftDeleteIntegrationTests extends AbstractSoftDeleteIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_softdelete"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
