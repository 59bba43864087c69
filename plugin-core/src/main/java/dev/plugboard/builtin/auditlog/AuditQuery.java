package dev.plugboard.builtin.auditlog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A page of audit rows to find, in chain order; every filter left {@code null} matches
 * every row.
 *
 * @param entity only rows of this aggregate
 * @param entityId only rows of the entity with this id (as text)
 * @param since only rows written at or after this time
 * @param page the page, from 0
 * @param size the rows per page, at least 1
 * @since 0.1.0
 */
public record AuditQuery(@Nullable String entity, @Nullable String entityId, @Nullable Instant since, int page,
		int size) {

	/**
	 * The number of rows before the page.
	 * @return {@code page * size}
	 */
	public long offset() {
		return (long) this.page * this.size;
	}

}
