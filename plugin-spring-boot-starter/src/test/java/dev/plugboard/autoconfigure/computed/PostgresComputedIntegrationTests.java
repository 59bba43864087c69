package dev.plugboard.autoconfigure.computed;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The {@code computed} built-in on PostgreSQL at 127.0.0.1:5432, in its own schema,
 * recreated for each run.
 */
@EnabledIfPostgres
class PostgresComputedIntegrationTests extends AbstractComputedIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_computed"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
