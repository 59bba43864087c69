package dev.plugboard.autoconfigure.stripe;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.builtin.stripe.StripeEvent;
import dev.plugboard.builtin.stripe.StripeEventStore;

/**
 * The ids of processed Stripe events in the table {@code plugboard_stripe_event}. The id
 * is inserted first, then the handlers run, in one transaction: the primary key decides
 * between concurrent deliveries of one event (on PostgreSQL the second insert waits for
 * the first transaction, then fails as a duplicate once it commits, or goes ahead if it
 * rolled back). Portable SQL for H2 and PostgreSQL.
 */
final class JdbcStripeEventStore implements StripeEventStore {

	private static final String INSERT = "INSERT INTO plugboard_stripe_event "
			+ "(event_id, event_type, livemode, created_at, received_at) VALUES (?, ?, ?, ?, ?)";

	private final JdbcOperations jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	JdbcStripeEventStore(JdbcOperations jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	public boolean recordOnce(StripeEvent event, Runnable dispatch) {
		Boolean processed = this.transactions.execute((status) -> {
			try {
				this.jdbc.update(INSERT, event.id(), event.type(), event.livemode(),
						OffsetDateTime.ofInstant(event.created(), ZoneOffset.UTC),
						OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			}
			catch (DuplicateKeyException ex) {
				status.setRollbackOnly();
				return false;
			}
			dispatch.run();
			return true;
		});
		return Boolean.TRUE.equals(processed);
	}

	@Override
	public String toString() {
		return "JdbcStripeEventStore[plugboard_stripe_event]";
	}

}
