package dev.plugboard.builtin.auditlog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit log, as stored.
 *
 * @param seq the position in the chain, from 1, without gaps
 * @param time when the write happened, truncated to microseconds
 * @param principal the name of the authenticated principal, or {@code null} outside a
 * request or when nobody was authenticated
 * @param requestId the correlation id of the request, or {@code null} outside a request
 * @param entity the aggregate name, such as {@code users}
 * @param entityId the entity's id as text, or {@code null} when it has none
 * @param op {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param changes for an UPDATE, the changed fields as a JSON object
 * ({@code {"name":{"old":"Ada","new":"Grace"}}}); {@code null} otherwise
 * @param prevHash the hash of the row before, or {@link AuditChain#GENESIS} for the first
 * @param hash the SHA-256 of this row's content and {@code prevHash}, as lower-case hex
 * @since 0.1.0
 */
public record AuditRecord(long seq, Instant time, @Nullable String principal, @Nullable String requestId, String entity,
		@Nullable String entityId, String op, @Nullable String changes, String prevHash, String hash) {

}
