package dev.plugboard;

import java.time.Instant;

/**
 * One record of the {@link Outbox}, as handed to {@link OutboxPlugin#deliver}.
 *
 * @param id the idempotency id: the same on every attempt, and unique; send it along so
 * the receiver can drop a repeated delivery
 * @param topic the topic it was enqueued with
 * @param payload the payload it was enqueued with
 * @param attempt which attempt this is, 1 for the first
 * @param createdAt when it was enqueued
 * @since 0.1.0
 */
public record OutboxRecord(String id, String topic, String payload, int attempt, Instant createdAt) {

}
