package dev.plugboard;

/**
 * The durable outbox: work that must not be lost (a webhook, an email, a sync to another
 * system) written as a row in the application's database and delivered after the
 * transaction commits, with retries, by the {@link OutboxPlugin} of its topic. Use it
 * from {@link AfterWritePlugin#afterWrite} through {@link AfterWriteContext#outbox()}, so
 * the record commits or rolls back with the entity; an application bean may also inject
 * it.
 *
 * <p>
 * Delivery is at least once: a record may be delivered again after a crash or a timeout,
 * so receivers deduplicate by {@link OutboxRecord#id()}.
 *
 * @since 0.1.0
 */
public interface Outbox {

	/**
	 * Put a record in the outbox. Inside a transaction the row is written in it and
	 * delivered only after it commits; outside one it is committed at once.
	 * @param topic the topic of the {@link OutboxPlugin} that delivers it
	 * @param payload what the plugin needs to deliver it, typically JSON
	 * @return the record's idempotency id, stable across retries
	 * @throws IllegalArgumentException when no enabled plugin delivers the topic
	 */
	String enqueue(String topic, String payload);

}
