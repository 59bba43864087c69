package dev.plugboard.autoconfigure.webhooks;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The {@code webhooks} built-in end to end on PostgreSQL at 127.0.0.1:5432, in its own
 * schema.
 */
@EnabledIfPostgres
class PostgresWebhooksIntegrationTests extends AbstractWebhooksIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_webhooks"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
	}

}
