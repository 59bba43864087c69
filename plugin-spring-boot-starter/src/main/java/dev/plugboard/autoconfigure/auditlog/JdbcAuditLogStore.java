package dev.plugboard.autoconfigure.auditlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;

import dev.plugboard.builtin.auditlog.AuditHead;
import dev.plugboard.builtin.auditlog.AuditLogStore;
import dev.plugboard.builtin.auditlog.AuditQuery;
import dev.plugboard.builtin.auditlog.AuditRecord;

/**
 * The audit log in the tables {@code plugboard_audit_log} and
 * {@code plugboard_audit_head}, through a {@link JdbcOperations} that joins the write's
 * transaction. Portable SQL for H2 and PostgreSQL.
 */
final class JdbcAuditLogStore implements AuditLogStore {

	private static final String COLUMNS = "seq, occurred_at, principal, request_id, entity, entity_id, op, changes, prev_hash, row_hash";

	private static final RowMapper<AuditRecord> ROW = JdbcAuditLogStore::row;

	private final JdbcOperations jdbc;

	JdbcAuditLogStore(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public AuditHead lockHead() {
		return head("SELECT seq, row_hash FROM plugboard_audit_head WHERE id = 1 FOR UPDATE");
	}

	@Override
	public AuditHead head() {
		return head("SELECT seq, row_hash FROM plugboard_audit_head WHERE id = 1");
	}

	private AuditHead head(String sql) {
		try {
			AuditHead head = this.jdbc.queryForObject(sql,
					(rs, rowNum) -> new AuditHead(rs.getLong(1), rs.getString(2).trim()));
			if (head == null) {
				throw new EmptyResultDataAccessException(1);
			}
			return head;
		}
		catch (EmptyResultDataAccessException ex) {
			throw new EmptyResultDataAccessException("The audit-log head row is missing from plugboard_audit_head: "
					+ "create the audit tables with the starter's schema script (plugboard.plugins.audit-log."
					+ "initialize-schema=always), or insert (1, 0, 64 zeros) into plugboard_audit_head", 1, ex);
		}
	}

	@Override
	public void append(AuditRecord record) {
		this.jdbc.update("INSERT INTO plugboard_audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				record.seq(), OffsetDateTime.ofInstant(record.time(), ZoneOffset.UTC), record.principal(),
				record.requestId(), record.entity(), record.entityId(), record.op(), record.changes(),
				record.prevHash(), record.hash());
		this.jdbc.update("UPDATE plugboard_audit_head SET seq = ?, row_hash = ? WHERE id = 1", record.seq(),
				record.hash());
	}

	@Override
	public List<AuditRecord> rows(long afterSeq, long upToSeq, int limit) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM plugboard_audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?", ROW,
				afterSeq, upToSeq, limit);
	}

	@Override
	public List<AuditRecord> find(AuditQuery query) {
		List<Object> arguments = new ArrayList<>();
		String where = where(query, arguments);
		arguments.add(query.size());
		arguments.add(query.offset());
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM plugboard_audit_log" + where + " ORDER BY seq LIMIT ? OFFSET ?", ROW,
				arguments.toArray());
	}

	@Override
	public long count(AuditQuery query) {
		List<Object> arguments = new ArrayList<>();
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_audit_log" + where(query, arguments),
				Long.class, arguments.toArray());
		return (count != null) ? count : 0;
	}

	private static String where(AuditQuery query, List<Object> arguments) {
		List<String> conditions = new ArrayList<>();
		if (query.entity() != null) {
			conditions.add("entity = ?");
			arguments.add(query.entity());
		}
		if (query.entityId() != null) {
			conditions.add("entity_id = ?");
			arguments.add(query.entityId());
		}
		if (query.since() != null) {
			conditions.add("occurred_at >= ?");
			arguments.add(OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static AuditRecord row(ResultSet rs, int rowNum) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("principal"), rs.getString("request_id"), rs.getString("entity"),
				rs.getString("entity_id"), rs.getString("op"), rs.getString("changes"),
				rs.getString("prev_hash").trim(), rs.getString("row_hash").trim());
	}

	@Override
	public String toString() {
		return "JdbcAuditLogStore[plugboard_audit_log]";
	}

}
