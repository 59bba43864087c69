package dev.plugboard.runtime.outbox;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.plugboard.Outbox;

/**
 * The {@link Outbox} on the application's database. A record is a row written through the
 * application's DataSource, so inside a Spring-managed transaction it commits or rolls
 * back with the caller's writes; the workers are woken once the transaction commits, so
 * delivery starts then rather than at the next poll. Outside a transaction the row is
 * committed at once and the workers woken.
 *
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class JdbcOutbox implements Outbox {

	private final OutboxStore store;

	private final Set<String> topics;

	private final Runnable wake;

	/**
	 * Create an outbox.
	 * @param store the table
	 * @param topics the topics some enabled plugin delivers; any other is refused
	 * @param wake what to run after a record is committed, typically
	 * {@link OutboxWorkers#wake()}
	 */
	public JdbcOutbox(OutboxStore store, Set<String> topics, Runnable wake) {
		this.store = store;
		this.topics = Set.copyOf(topics);
		this.wake = wake;
	}

	@Override
	public String enqueue(String topic, String payload) {
		if (topic == null || !this.topics.contains(topic)) {
			throw new IllegalArgumentException("No enabled plugin delivers the outbox topic '" + topic
					+ "'; the topics delivered are " + (this.topics.isEmpty() ? "none" : new TreeSet<>(this.topics))
					+ ". Enable the OutboxPlugin whose topic() is '" + topic + "', or use one of those topics.");
		}
		if (payload == null) {
			throw new IllegalArgumentException("An outbox payload must not be null");
		}
		String id = UUID.randomUUID().toString();
		this.store.insert(id, topic, payload);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					JdbcOutbox.this.wake.run();
				}

			});
		}
		else {
			this.wake.run();
		}
		return id;
	}

	/**
	 * The topics this outbox accepts.
	 * @return the topics
	 */
	public Set<String> topics() {
		return this.topics;
	}

	@Override
	public String toString() {
		return "JdbcOutbox" + new TreeSet<>(this.topics);
	}

}
