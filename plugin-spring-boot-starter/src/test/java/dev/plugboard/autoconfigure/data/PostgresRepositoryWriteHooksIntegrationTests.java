package dev.plugboard.autoconfigure.data;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The repository interceptor on PostgreSQL at 127.0.0.1:5432, in its own schema.
 */
@EnabledIfPostgres
class PostgresRepositoryWriteHooksIntegrationTests extends AbstractRepositoryWriteHooksIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_data"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
