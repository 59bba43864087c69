package dev.plugboard.autoconfigure.outbox;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import dev.plugboard.runtime.outbox.OutboxStore;
import dev.plugboard.runtime.outbox.OutboxWorkers;

/**
 * The actuator endpoint {@code outbox}: how many records are pending, in flight here and
 * dead, the dead records themselves (oldest first, at most {@value #DEAD_LISTED}), and a
 * write operation, {@code POST /actuator/outbox/{id}}, that makes one dead record pending
 * again with a fresh retry schedule. Use it to see what could not be delivered and to
 * send it again once the receiver is fixed.
 *
 * @since 0.1.0
 */
@Endpoint(id = "outbox")
public final class OutboxEndpoint {

	/** The most dead records the read operation lists. */
	public static final int DEAD_LISTED = 100;

	private final OutboxStore store;

	private final OutboxWorkers workers;

	/**
	 * Create an endpoint.
	 * @param store the outbox table
	 * @param workers this instance's workers
	 */
	public OutboxEndpoint(OutboxStore store, OutboxWorkers workers) {
		this.store = store;
		this.workers = workers;
	}

	/**
	 * Report the outbox.
	 * @return the counts and the dead records
	 */
	@ReadOperation
	public OutboxDescriptor outbox() {
		List<String> topics = this.workers.topics().stream().sorted().toList();
		if (topics.isEmpty()) {
			return new OutboxDescriptor(topics, 0, 0, 0, List.of());
		}
		List<DeadDescriptor> dead = this.store.deadRecords(DEAD_LISTED)
			.stream()
			.map((record) -> new DeadDescriptor(record.id(), record.topic(), record.attempts(), record.lastError(),
					record.createdAt()))
			.toList();
		return new OutboxDescriptor(topics, this.store.pending(), this.workers.inFlight(), this.store.dead(), dead);
	}

	/**
	 * Make a dead record pending again, due now, and wake the workers.
	 * @param id the record's idempotency id
	 * @return 200 with the id when it was dead, 404 when there is no dead record with it
	 */
	@WriteOperation
	public WebEndpointResponse<RedeliveryDescriptor> redeliver(@Selector String id) {
		if (this.workers.topics().isEmpty() || !this.store.redeliver(id)) {
			return new WebEndpointResponse<>(
					new RedeliveryDescriptor(id, false, "There is no dead outbox record with this id"),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}
		this.workers.wake();
		return new WebEndpointResponse<>(new RedeliveryDescriptor(id, true, "Pending again, due now"),
				WebEndpointResponse.STATUS_OK);
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param topics the topics delivered; empty when no enabled plugin delivers outbox
	 * records
	 * @param pending records waiting for delivery or a retry, in all instances
	 * @param inFlight deliveries running now in this instance
	 * @param dead dead records
	 * @param deadRecords the oldest dead records
	 */
	public record OutboxDescriptor(List<String> topics, long pending, int inFlight, long dead,
			List<DeadDescriptor> deadRecords) {
	}

	/**
	 * A dead record.
	 *
	 * @param id its idempotency id
	 * @param topic its topic
	 * @param attempts the attempts made
	 * @param lastError the error of the last attempt
	 * @param createdAt when it was enqueued
	 */
	public record DeadDescriptor(String id, String topic, int attempts, @Nullable String lastError, Instant createdAt) {
	}

	/**
	 * The answer to a redelivery.
	 *
	 * @param id the record's id
	 * @param redelivered whether it is pending again
	 * @param message what happened
	 */
	public record RedeliveryDescriptor(String id, boolean redelivered, String message) {
	}

}
