package dev.plugboard.autoconfigure.auditlog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.plugboard.autoconfigure.EnabledIfPostgres;

/**
 * The {@code audit-log} built-in on PostgreSQL at 127.0.0.1:5432, in its own schema, with
 * the audit tables created by the starter ({@code initialize-schema: always}).
 */
@EnabledIfPostgres
class PostgresAuditLogIntegrationTests extends AbstractAuditLogIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> EnabledIfPostgres.Condition.url("plugboard_audit"));
		registry.add("spring.datasource.username", () -> EnabledIfPostgres.USERNAME);
		registry.add("plugboard.plugins.audit-log.initialize-schema", () -> "always");
	}

}
