package dev.plugboard.builtin.auditlog;

import org.springframework.dao.NonTransientDataAccessException;

/**
 * The audit row of a write could not be built. A database error, so that the runtime
 * aborts the write's transaction instead of containing the fault: a write never commits
 * without its audit row.
 */
final class AuditRowFailure extends NonTransientDataAccessException {

	AuditRowFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
