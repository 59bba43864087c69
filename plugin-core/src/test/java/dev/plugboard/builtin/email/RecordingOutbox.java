package dev.plugboard.builtin.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.plugboard.Outbox;
import dev.plugboard.OutboxRecord;

/**
 * An {@link Outbox} that keeps what is enqueued, for the test to deliver by hand: the SPI
 * boundary between a plugin and the outbox runtime.
 */
final class RecordingOutbox implements Outbox {

	private final List<OutboxRecord> records = new CopyOnWriteArrayList<>();

	@Override
	public String enqueue(String topic, String payload) {
		String id = UUID.randomUUID().toString();
		this.records.add(new OutboxRecord(id, topic, payload, 1, Instant.now()));
		return id;
	}

	List<OutboxRecord> records() {
		return this.records;
	}

	OutboxRecord single() {
		if (this.records.size() != 1) {
			throw new AssertionError("Expected one outbox record but there are " + this.records);
		}
		return this.records.get(0);
	}

}
