package dev.plugboard.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PluginHarness#beforeWriteResult}: what a before-write hook decided, including a
 * skipped statement and a delete turned into a save.
 */
class BeforeWriteResultHarnessTests {

	private final PluginHarness harness = PluginHarness.of(new Archiving());

	@Test
	void plainWriteIsReportedAsIs() {
		Memo memo = new Memo(null, "hello", null);

		BeforeWriteResult<Memo> result = this.harness.beforeWriteResult(WriteOp.INSERT, memo);

		assertThat(result.entity()).isSameAs(memo);
		assertThat(result.op()).isEqualTo(WriteOp.INSERT);
		assertThat(result.skipped()).isFalse();
	}

	@Test
	void deleteTurnedIntoASaveReportsAnUpdateOfTheNewEntity() {
		Memo stored = new Memo(1L, "hello", null);

		BeforeWriteResult<Memo> result = this.harness.withPrevious(stored).beforeWriteResult(WriteOp.DELETE, stored);

		assertThat(result.op()).isEqualTo(WriteOp.UPDATE);
		assertThat(result.entity()).isEqualTo(new Memo(1L, "hello", "archived"));
		assertThat(result.skipped()).isFalse();
	}

	@Test
	void skippedWriteIsReported() {
		Memo archived = new Memo(1L, "hello", "archived");

		BeforeWriteResult<Memo> result = this.harness.withPrevious(archived)
			.beforeWriteResult(WriteOp.DELETE, "memo", archived);

		assertThat(result.skipped()).isTrue();
		assertThat(result.op()).isEqualTo(WriteOp.DELETE);
	}

	record Memo(@Nullable Long id, String text, @Nullable String state) {
	}

	static final class Archiving implements BeforeWritePlugin {

		@Override
		public String id() {
			return "archiving";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			if (write.op() != WriteOp.DELETE) {
				return;
			}
			Memo stored = (Memo) write.previous();
			if (stored == null || stored.state() != null) {
				write.skip();
				return;
			}
			write.saveInstead(stored);
			write.set("state", "archived");
		}

	}

}
