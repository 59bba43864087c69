package dev.plugboard;

/**
 * A plugin that delivers the {@link Outbox} records of one topic: posts a webhook, sends
 * an email. Implement it together with {@link AfterWritePlugin}, which enqueues the
 * records; the runtime calls {@link #deliver} after the commit, on a worker thread, and
 * again on the retry schedule until it returns normally or the schedule is exhausted (the
 * record is then dead, listed by the outbox endpoint and redeliverable).
 *
 * @since 0.1.0
 */
public interface OutboxPlugin extends Plugin {

	/**
	 * The topic whose records this plugin delivers; unique among the enabled plugins.
	 * @return the topic, the plugin's id unless overridden
	 */
	default String topic() {
		return id();
	}

	/**
	 * Deliver one record. Returning normally marks it delivered. Throwing schedules a
	 * retry with the message recorded as the last error, unless the exception is an
	 * {@link UndeliverableException}, which makes the record dead at once. Give every
	 * remote call a timeout well under the outbox lease.
	 * @param record the record
	 * @throws Exception when this attempt failed
	 */
	void deliver(OutboxRecord record) throws Exception;

}
