package dev.plugboard.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an after-write hook put in the outbox, seen through
 * {@link AfterWriteResult#outbox()} without a database.
 */
class AfterWriteOutboxHarnessTests {

	private final CrmSyncPlugin plugin = new CrmSyncPlugin();

	private final PluginHarness harness = PluginHarness.of(this.plugin);

	@Test
	void enqueuedRecordsAreCapturedAsThePluginWouldReceiveThem() {
		AfterWriteResult result = this.harness.afterWrite(WriteOp.INSERT, "customer", "ada", 7L);

		assertThat(result.outbox()).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("crm-sync");
			assertThat(record.payload()).isEqualTo("{\"customer\":7,\"op\":\"INSERT\"}");
			assertThat(record.attempt()).isEqualTo(1);
			assertThat(record.id()).isEqualTo(this.plugin.lastId);
		});
		assertThat(this.plugin.delivered).as("delivered by the harness").isEmpty();
	}

	@Test
	void aCapturedRecordCanBeHandedToTheDeliveringPlugin() throws Exception {
		OutboxRecord record = this.harness.afterWrite(WriteOp.UPDATE, "customer", "ada", 7L).outbox().get(0);

		this.plugin.deliver(record);

		assertThat(this.plugin.delivered).containsExactly(record.id());
	}

	@Test
	void aHookThatEnqueuesNothingLeavesTheOutboxEmpty() {
		assertThat(this.harness.afterWrite(WriteOp.DELETE, "customer", "ada", 7L).outbox()).isEmpty();
	}

	@Test
	void eachWriteGetsItsOwnIdempotencyId() {
		String first = this.harness.afterWrite(WriteOp.INSERT, "customer", "ada", 7L).outbox().get(0).id();
		String second = this.harness.afterWrite(WriteOp.INSERT, "customer", "ada", 7L).outbox().get(0).id();

		assertThat(first).isNotEqualTo(second);
	}

	static final class CrmSyncPlugin implements AfterWritePlugin, OutboxPlugin {

		private final List<String> delivered = new ArrayList<>();

		private @Nullable String lastId;

		@Override
		public String id() {
			return "crm-sync";
		}

		@Override
		public void afterWrite(AfterWriteContext ctx) {
			if (ctx.op() != WriteOp.DELETE) {
				this.lastId = ctx.outbox()
					.enqueue(topic(), "{\"customer\":" + ctx.id() + ",\"op\":\"" + ctx.op() + "\"}");
			}
		}

		@Override
		public void deliver(OutboxRecord record) {
			this.delivered.add(record.id());
		}

	}

}
