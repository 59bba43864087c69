package dev.plugboard.runtime.outbox;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import dev.plugboard.OutboxRecord;

/**
 * The outbox table, {@code plugboard_outbox}: one row per record, {@code PENDING} until
 * delivered (the row is then deleted) or {@code DEAD} after its last attempt. A row is
 * claimed by writing {@code locked_by} and {@code locked_until}; a claim whose lease ran
 * out (its instance crashed) is claimable again.
 *
 * <p>
 * On PostgreSQL a claim is one statement that locks the due rows it takes with
 * {@code FOR UPDATE SKIP LOCKED}, so instances sharing the table never wait on each other
 * or take the same row. H2 locks every row its {@code WHERE} matches before it applies
 * the limit, so elsewhere the due rows are read without locks and each is claimed by a
 * conditional {@code UPDATE} that only succeeds while the row is still unclaimed: the
 * same guarantee, with a wasted statement when two claimers race.
 *
 * <p>
 * Thread-safe. Every method runs in the caller's transaction when there is one, except
 * that the workers call the claim and outcome methods outside any.
 *
 * @since 0.1.0
 */
public final class OutboxStore {

	static final String PENDING = "PENDING";

	static final String DEAD = "DEAD";

	private static final int MAX_ERROR = 2000;

	private static final String COLUMNS = "id, topic, payload, attempts, created_at";

	private final JdbcOperations jdbc;

	private final boolean postgres;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param jdbc the operations, on the application's DataSource so that an enqueue
	 * joins the caller's transaction
	 * @param postgres whether the database is PostgreSQL, which claims with
	 * {@code FOR UPDATE SKIP LOCKED}
	 * @param clock the clock for due times, leases and creation times
	 */
	public OutboxStore(JdbcOperations jdbc, boolean postgres, Clock clock) {
		this.jdbc = jdbc;
		this.postgres = postgres;
		this.clock = clock;
	}

	/**
	 * Create a store on a DataSource, telling PostgreSQL from its metadata.
	 * @param dataSource the application's DataSource
	 * @param clock the clock
	 * @return the store
	 */
	public static OutboxStore of(DataSource dataSource, Clock clock) {
		return new OutboxStore(new JdbcTemplate(dataSource), isPostgres(dataSource), clock);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (MetaDataAccessException ex) {
			return false;
		}
	}

	/**
	 * Write a new pending record, due now.
	 * @param id its idempotency id
	 * @param topic its topic
	 * @param payload its payload
	 */
	public void insert(String id, String topic, String payload) {
		OffsetDateTime now = now();
		this.jdbc.update("INSERT INTO plugboard_outbox (id, topic, payload, status, attempts, next_attempt_at, "
				+ "created_at) VALUES (?, ?, ?, ?, 0, ?, ?)", id, topic, payload, PENDING, now, now);
	}

	/**
	 * Claim up to {@code limit} due, unclaimed pending rows of the given topics, oldest
	 * due first.
	 * @param topics the topics this instance delivers
	 * @param limit the most rows to take
	 * @param owner the claimer's id, written to {@code locked_by}
	 * @param lease how long the claim holds
	 * @return the claimed records, {@code attempt} being the attempt about to be made
	 */
	public List<OutboxRecord> claim(Collection<String> topics, int limit, String owner, Duration lease) {
		if (topics.isEmpty() || limit < 1) {
			return List.of();
		}
		OffsetDateTime now = now();
		OffsetDateTime until = now.plus(lease);
		String in = String.join(", ", Collections.nCopies(topics.size(), "?"));
		String due = "status = '" + PENDING
				+ "' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)" + " AND topic IN (" + in
				+ ")";
		List<Object> args = new ArrayList<>();
		if (this.postgres) {
			args.add(owner);
			args.add(until);
			args.add(now);
			args.add(now);
			args.addAll(topics);
			args.add(limit);
			return this.jdbc.query(
					"UPDATE plugboard_outbox SET locked_by = ?, locked_until = ? WHERE id IN "
							+ "(SELECT id FROM plugboard_outbox WHERE " + due
							+ " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS,
					RECORD, args.toArray());
		}
		args.add(now);
		args.add(now);
		args.addAll(topics);
		args.add(limit);
		List<OutboxRecord> candidates = this.jdbc.query("SELECT " + COLUMNS + " FROM plugboard_outbox WHERE " + due
				+ " ORDER BY next_attempt_at FETCH FIRST ? ROWS ONLY", RECORD, args.toArray());
		List<OutboxRecord> claimed = new ArrayList<>(candidates.size());
		for (OutboxRecord candidate : candidates) {
			int updated = this.jdbc.update(
					"UPDATE plugboard_outbox SET locked_by = ?, locked_until = ? WHERE id = ? AND attempts = ? AND "
							+ "status = '" + PENDING + "' AND (locked_until IS NULL OR locked_until < ?)",
					owner, until, candidate.id(), candidate.attempt() - 1, now);
			if (updated == 1) {
				claimed.add(candidate);
			}
		}
		return claimed;
	}

	/**
	 * Remove a delivered record, if this owner still holds its claim.
	 * @param id the record's id
	 * @param owner the claimer
	 * @return whether the row was removed
	 */
	public boolean delivered(String id, String owner) {
		return this.jdbc.update("DELETE FROM plugboard_outbox WHERE id = ? AND locked_by = ?", id, owner) == 1;
	}

	/**
	 * Record a failed attempt and when to try again, releasing the claim.
	 * @param id the record's id
	 * @param owner the claimer
	 * @param attempt the attempt that failed
	 * @param delay the delay before the next attempt
	 * @param error what went wrong
	 * @return whether this owner still held the claim
	 */
	public boolean retry(String id, String owner, int attempt, Duration delay, String error) {
		return this.jdbc.update(
				"UPDATE plugboard_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, locked_by = NULL, "
						+ "locked_until = NULL WHERE id = ? AND locked_by = ?",
				attempt, now().plus(delay), truncate(error), id, owner) == 1;
	}

	/**
	 * Make a record dead after a failed attempt, releasing the claim.
	 * @param id the record's id
	 * @param owner the claimer
	 * @param attempt the attempt that failed
	 * @param error what went wrong
	 * @return whether this owner still held the claim
	 */
	public boolean dead(String id, String owner, int attempt, String error) {
		return this.jdbc.update("UPDATE plugboard_outbox SET status = '" + DEAD
				+ "', attempts = ?, last_error = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
				attempt, truncate(error), id, owner) == 1;
	}

	/**
	 * Give back claims this owner holds, so that the rows are claimable at once.
	 * @param ids the records' ids
	 * @param owner the claimer
	 * @return how many claims were released
	 */
	public int release(Collection<String> ids, String owner) {
		int released = 0;
		for (String id : ids) {
			released += this.jdbc.update(
					"UPDATE plugboard_outbox SET locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?",
					id, owner);
		}
		return released;
	}

	/**
	 * Make a dead record pending again, due now, with a fresh retry schedule.
	 * @param id the record's id
	 * @return whether there was a dead record with that id
	 */
	public boolean redeliver(String id) {
		return this.jdbc.update("UPDATE plugboard_outbox SET status = '" + PENDING
				+ "', attempts = 0, next_attempt_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ? AND status = '"
				+ DEAD + "'", now(), id) == 1;
	}

	/**
	 * Count the pending records, claimed or not.
	 * @return the count
	 */
	public long pending() {
		return count(PENDING);
	}

	/**
	 * Count the dead records.
	 * @return the count
	 */
	public long dead() {
		return count(DEAD);
	}

	private long count(String status) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_outbox WHERE status = ?", Long.class,
				status);
		return (count != null) ? count : 0;
	}

	/**
	 * The dead records, oldest first.
	 * @param limit the most to return
	 * @return the records
	 */
	public List<DeadRecord> deadRecords(int limit) {
		return this.jdbc.query(
				"SELECT id, topic, attempts, last_error, created_at FROM plugboard_outbox WHERE status = '" + DEAD
						+ "' ORDER BY created_at FETCH FIRST ? ROWS ONLY",
				(rs, row) -> new DeadRecord(rs.getString("id"), rs.getString("topic"), rs.getInt("attempts"),
						rs.getString("last_error"), instant(rs, "created_at")),
				limit);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static String truncate(String error) {
		return (error.length() <= MAX_ERROR) ? error : error.substring(0, MAX_ERROR - 1) + "…";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time.toInstant();
	}

	private static final RowMapper<OutboxRecord> RECORD = (rs, row) -> new OutboxRecord(rs.getString("id"),
			rs.getString("topic"), rs.getString("payload"), rs.getInt("attempts") + 1, instant(rs, "created_at"));

	/**
	 * A record that used up its retry schedule or was undeliverable.
	 *
	 * @param id its idempotency id
	 * @param topic its topic
	 * @param attempts the attempts made
	 * @param lastError the error of the last attempt
	 * @param createdAt when it was enqueued
	 */
	public record DeadRecord(String id, String topic, int attempts, @Nullable String lastError, Instant createdAt) {
	}

}
