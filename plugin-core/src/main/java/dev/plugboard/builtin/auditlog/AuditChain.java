package dev.plugboard.builtin.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash chain of the audit log: the canonical content of a row, its SHA-256, and the
 * walk that checks every row against the one before.
 *
 * <p>
 * A row's hash covers, as a JSON array, its sequence number, time (ISO-8601, to the
 * microsecond), principal, request id, entity, entity id, op, changes and the previous
 * row's hash. Editing any of them, deleting or reordering rows, breaks the chain at that
 * row. Thread-safe.
 *
 * @since 0.1.0
 */
public final class AuditChain {

	/** The previous hash of the first row, and the head's hash while the log is empty. */
	public static final String GENESIS = "0".repeat(64);

	private static final int BATCH = 1000;

	private final JsonMapper json;

	AuditChain(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Build the row that follows the head.
	 */
	AuditRecord next(AuditHead head, Instant time, @Nullable String principal, @Nullable String requestId,
			String entity, @Nullable String entityId, String op, @Nullable String changes) {
		long seq = head.seq() + 1;
		String hash = hash(seq, time, principal, requestId, entity, entityId, op, changes, head.hash());
		return new AuditRecord(seq, time, principal, requestId, entity, entityId, op, changes, head.hash(), hash);
	}

	/**
	 * The hash a row must carry.
	 */
	String hashOf(AuditRecord row) {
		return hash(row.seq(), row.time(), row.principal(), row.requestId(), row.entity(), row.entityId(), row.op(),
				row.changes(), row.prevHash());
	}

	private String hash(long seq, Instant time, @Nullable String principal, @Nullable String requestId, String entity,
			@Nullable String entityId, String op, @Nullable String changes, String prevHash) {
		String canonical = this.json.writeValueAsString(
				Arrays.asList(seq, time.toString(), principal, requestId, entity, entityId, op, changes, prevHash));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Walk the chain up to the head as it is now, in batches, and report the first row
	 * that does not match.
	 * @param store the store
	 * @return the outcome
	 */
	Verification verify(AuditLogStore store) {
		AuditHead head = store.head();
		long expectedSeq = 1;
		String expectedPrev = GENESIS;
		long after = 0;
		while (after < head.seq()) {
			List<AuditRecord> rows = store.rows(after, head.seq(), BATCH);
			if (rows.isEmpty()) {
				break;
			}
			for (AuditRecord row : rows) {
				if (row.seq() != expectedSeq) {
					return Verification.broken(head, expectedSeq - 1, expectedSeq, null, null,
							"row " + expectedSeq + " is missing: the next row is " + row.seq());
				}
				if (!row.prevHash().equals(expectedPrev)) {
					return Verification.broken(head, expectedSeq - 1, row.seq(), row.entity(), row.entityId(),
							"its previous hash does not match the hash of row " + (row.seq() - 1));
				}
				if (!hashOf(row).equals(row.hash())) {
					return Verification.broken(head, expectedSeq - 1, row.seq(), row.entity(), row.entityId(),
							"its content does not match its hash");
				}
				expectedPrev = row.hash();
				expectedSeq++;
			}
			after = rows.get(rows.size() - 1).seq();
		}
		if (expectedSeq - 1 != head.seq()) {
			return Verification.broken(head, expectedSeq - 1, expectedSeq, null, null,
					"row " + expectedSeq + " is missing: the head names row " + head.seq());
		}
		if (!expectedPrev.equals(head.hash())) {
			return Verification.broken(head, expectedSeq - 1, head.seq(), null, null,
					"the head's hash does not match the hash of row " + head.seq());
		}
		return new Verification(true, head.seq(), head, null);
	}

	/**
	 * The outcome of a walk over the chain.
	 *
	 * @param intact whether every row matched
	 * @param verified how many rows matched before the first broken one
	 * @param head the head the walk went up to
	 * @param broken the first row that did not match, or {@code null} when intact
	 */
	record Verification(boolean intact, long verified, AuditHead head, @Nullable BrokenRow broken) {

		static Verification broken(AuditHead head, long verified, long seq, @Nullable String entity,
				@Nullable String entityId, String reason) {
			return new Verification(false, verified, head, new BrokenRow(seq, entity, entityId, reason));
		}

	}

	/**
	 * The first row that does not match.
	 *
	 * @param seq its sequence number
	 * @param entity its aggregate, when the row exists
	 * @param entityId its entity's id, when the row exists
	 * @param reason what does not match
	 */
	record BrokenRow(long seq, @Nullable String entity, @Nullable String entityId, String reason) {

	}

}
