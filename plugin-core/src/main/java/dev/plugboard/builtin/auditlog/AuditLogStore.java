package dev.plugboard.builtin.auditlog;

import java.util.List;

/**
 * Where the {@link AuditLogPlugin} keeps its rows: the audit table and the one-row head
 * table. The starter implements it with a {@code JdbcTemplate}; implement it yourself
 * only to keep the log in another store, with the same contract.
 *
 * <p>
 * {@link #lockHead()} and {@link #append(AuditRecord)} run inside the write's
 * transaction, on its connection: the lock taken by {@code lockHead} must last until that
 * transaction ends, so that appends from every thread and every application instance
 * sharing the database serialise, in commit order. Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface AuditLogStore {

	/**
	 * Lock the head row for the rest of the current transaction and read it
	 * ({@code SELECT ... FOR UPDATE}). Blocks while another transaction holds it.
	 * @return the head as last committed, or as this transaction last moved it
	 * @throws org.springframework.dao.DataAccessException when the head row is missing or
	 * the lock cannot be taken
	 */
	AuditHead lockHead();

	/**
	 * Insert a row and move the head to it, in the current transaction. Call only after
	 * {@link #lockHead()} in the same transaction.
	 * @param record the row, whose {@code seq} is the head's plus one
	 */
	void append(AuditRecord record);

	/**
	 * Read the head without locking it.
	 * @return the head as last committed
	 */
	AuditHead head();

	/**
	 * Rows in chain order, for verification in bounded batches.
	 * @param afterSeq only rows with a greater sequence number
	 * @param upToSeq only rows with this sequence number or lower
	 * @param limit at most this many rows
	 * @return the rows ordered by sequence number
	 */
	List<AuditRecord> rows(long afterSeq, long upToSeq, int limit);

	/**
	 * One page of rows matching a query, in chain order.
	 * @param query the filters and page
	 * @return the rows
	 */
	List<AuditRecord> find(AuditQuery query);

	/**
	 * How many rows match a query's filters, all pages together.
	 * @param query the filters
	 * @return the count
	 */
	long count(AuditQuery query);

}
