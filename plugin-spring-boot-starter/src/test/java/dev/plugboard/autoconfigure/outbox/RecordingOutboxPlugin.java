package dev.plugboard.autoconfigure.outbox;

import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;

/**
 * A test {@link OutboxPlugin} that logs every attempt to a {@link Deliveries} and then
 * does what its {@link Receiver} says: succeed, throw, block.
 */
final class RecordingOutboxPlugin implements OutboxPlugin {

	private final String id;

	private final String topic;

	private final String name;

	private final Deliveries deliveries;

	private volatile Receiver receiver = (record) -> {
	};

	RecordingOutboxPlugin(String id, Deliveries deliveries) {
		this(id, id, id, deliveries);
	}

	RecordingOutboxPlugin(String id, String topic, String name, Deliveries deliveries) {
		this.id = id;
		this.topic = topic;
		this.name = name;
		this.deliveries = deliveries;
	}

	RecordingOutboxPlugin receiving(Receiver receiver) {
		this.receiver = receiver;
		return this;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String topic() {
		return this.topic;
	}

	@Override
	public void deliver(OutboxRecord record) throws Exception {
		this.deliveries.begin(record);
		Exception failure = null;
		try {
			this.receiver.receive(record);
		}
		catch (Exception ex) {
			failure = ex;
			throw ex;
		}
		finally {
			this.deliveries.end(this.name, record, failure);
		}
	}

	@FunctionalInterface
	interface Receiver {

		void receive(OutboxRecord record) throws Exception;

	}

}
