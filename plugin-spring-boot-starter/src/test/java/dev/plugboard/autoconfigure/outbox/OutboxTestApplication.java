package dev.plugboard.autoconfigure.outbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.UndeliverableException;

/**
 * An application whose plugin announces every new purchase through the outbox, as a
 * webhook plugin would, saving purchases with a Spring Data JDBC repository in
 * transactions that commit or fail after the save.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class OutboxTestApplication {

	@Bean
	Deliveries deliveries() {
		return new Deliveries();
	}

	@Bean
	PurchaseAnnouncer purchaseAnnouncer(Deliveries deliveries) {
		return new PurchaseAnnouncer(deliveries);
	}

	/**
	 * A purchase.
	 *
	 * @param id generated on insert
	 * @param item what was bought
	 */
	record Purchase(@Id @Nullable Long id, String item) {
	}

	interface PurchaseRepository extends ListCrudRepository<Purchase, Long> {

	}

	@Service
	static class PurchaseService {

		private final PurchaseRepository purchases;

		PurchaseService(PurchaseRepository purchases) {
			this.purchases = purchases;
		}

		@Transactional
		public Purchase buy(String item) {
			return this.purchases.save(new Purchase(null, item));
		}

		@Transactional
		public void buyThenFail(String item) {
			this.purchases.save(new Purchase(null, item));
			throw new IllegalStateException("payment declined");
		}

	}

	/**
	 * Enqueues {@code purchase.created} for every inserted purchase in the write's
	 * transaction, and delivers it to the test's {@link Deliveries}; refuses items named
	 * in {@link #refused} as undeliverable.
	 */
	static final class PurchaseAnnouncer implements AfterWritePlugin, OutboxPlugin {

		final Set<String> refused = ConcurrentHashMap.newKeySet();

		private final RecordingOutboxPlugin receiver;

		PurchaseAnnouncer(Deliveries deliveries) {
			this.receiver = new RecordingOutboxPlugin("purchase-announcer", deliveries).receiving((record) -> {
				String item = record.payload().replaceAll(".*\"item\":\"([^\"]*)\".*", "$1");
				if (this.refused.contains(item)) {
					throw new UndeliverableException("receiver refuses " + item);
				}
			});
		}

		@Override
		public String id() {
			return "purchase-announcer";
		}

		@Override
		public void afterWrite(AfterWriteContext ctx) {
			if (ctx.entity() instanceof Purchase purchase && ctx.op() == dev.plugboard.WriteOp.INSERT) {
				ctx.outbox()
					.enqueue(topic(), "{\"type\":\"purchase.created\",\"id\":" + purchase.id() + ",\"item\":\""
							+ purchase.item() + "\"}");
			}
		}

		@Override
		public void deliver(OutboxRecord record) throws Exception {
			this.receiver.deliver(record);
		}

	}

}
