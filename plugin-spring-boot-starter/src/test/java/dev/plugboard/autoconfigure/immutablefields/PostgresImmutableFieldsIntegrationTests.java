package dev.plugboard.autoconfigure.immutablefields;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The {@code immutable-fields} built-in on PostgreSQL at 127.0.0.1:5432, in its own
 * schema.
 */
@EnabledIfPostgres
class PostgresImmutableFieldsIntegrationTests extends AbstractImmutableFieldsIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_immutable"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
