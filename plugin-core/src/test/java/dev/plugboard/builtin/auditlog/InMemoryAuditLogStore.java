package dev.plugboard.builtin.auditlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link AuditLogStore} in memory for the plugin's unit tests: one lock for the whole
 * store stands in for the head row's lock, with no transactions.
 */
class InMemoryAuditLogStore implements AuditLogStore {

	final List<AuditRecord> rows = new ArrayList<>();

	AuditHead head = new AuditHead(0, AuditChain.GENESIS);

	@Override
	public synchronized AuditHead lockHead() {
		return this.head;
	}

	@Override
	public synchronized void append(AuditRecord record) {
		this.rows.add(record);
		this.head = new AuditHead(record.seq(), record.hash());
	}

	@Override
	public synchronized AuditHead head() {
		return this.head;
	}

	@Override
	public synchronized List<AuditRecord> rows(long afterSeq, long upToSeq, int limit) {
		return this.rows.stream().filter((row) -> row.seq() > afterSeq && row.seq() <= upToSeq).limit(limit).toList();
	}

	@Override
	public synchronized List<AuditRecord> find(AuditQuery query) {
		return this.rows.stream().filter(matching(query)).skip(query.offset()).limit(query.size()).toList();
	}

	@Override
	public synchronized long count(AuditQuery query) {
		return this.rows.stream().filter(matching(query)).count();
	}

	synchronized void replace(int index, AuditRecord row) {
		this.rows.set(index, row);
	}

	synchronized List<AuditRecord> all() {
		return new ArrayList<>(this.rows);
	}

	private static Predicate<AuditRecord> matching(AuditQuery query) {
		return (row) -> (query.entity() == null || query.entity().equals(row.entity()))
				&& (query.entityId() == null || query.entityId().equals(row.entityId()))
				&& (query.since() == null || !row.time().isBefore(query.since()));
	}

}
