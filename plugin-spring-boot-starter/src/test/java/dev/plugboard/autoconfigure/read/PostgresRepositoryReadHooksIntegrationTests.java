package dev.plugboard.autoconfigure.read;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The after-read hooks on PostgreSQL at 127.0.0.1:5432, in their own schema.
 */
@EnabledIfPostgres
class PostgresRepositoryReadHooksIntegrationTests extends AbstractRepositoryReadHooksIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_read"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
