package dev.plugboard.autoconfigure.auditlog;

/**
 * The {@code audit-log} built-in on an embedded H2 database, whose audit tables the
 * starter creates by default ({@code initialize-schema: embedded}).
 */
class H2AuditLogIntegrationTests extends AbstractAuditLogIntegrationTests {

}
