package dev.plugboard.builtin.auditlog;

/**
 * The end of the chain: the sequence number and hash of the last row appended, kept in a
 * one-row table whose lock serialises appends.
 *
 * @param seq the last row's sequence number, 0 when the log is empty
 * @param hash the last row's hash, {@link AuditChain#GENESIS} when the log is empty
 * @since 0.1.0
 */
public record AuditHead(long seq, String hash) {

}
