package dev.plugboard.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.RequestContext;
import dev.plugboard.WriteOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Driving an after-write hook with {@link PluginHarness#afterWrite}.
 */
class AfterWriteHarnessTests {

	private final List<String> mailbox = new CopyOnWriteArrayList<>();

	private final PluginHarness harness = PluginHarness.of(new WelcomeMailPlugin(this.mailbox));

	@Test
	void deferredWorkIsCapturedAndRunsWhenTheTestSays() {
		AfterWriteResult result = this.harness.afterWrite(WriteOp.INSERT, new Member("alice", "a@example.com"), 42L);

		assertThat(result.deferred()).hasSize(1);
		assertThat(this.mailbox).isEmpty();

		result.runDeferred();

		assertThat(this.mailbox).containsExactly("To a@example.com: Welcome alice, you are member 42");
	}

	@Test
	void deferredWorkRunsOnlyOnce() {
		AfterWriteResult result = this.harness.afterWrite(WriteOp.INSERT, new Member("bob", "b@example.com"), 7L);

		result.runDeferred().runDeferred();

		assertThat(this.mailbox).hasSize(1);
	}

	@Test
	void hookThatDefersNothingLeavesNothingToRun() {
		AfterWriteResult result = this.harness.afterWrite(WriteOp.UPDATE, new Member("alice", "a@example.com"), 42L);

		assertThat(result.deferred()).isEmpty();
		assertThat(result.faulted()).isFalse();
	}

	@Test
	void failureInDeferredWorkReachesTheTest() {
		AfterWriteResult result = this.harness.afterWrite(WriteOp.INSERT, new Member("carol", ""), 3L);

		assertThatIllegalStateException().isThrownBy(result::runDeferred).withMessage("No address for member 3");
	}

	@Test
	void faultInTheHookIsContainedAndReported() {
		AfterWriteResult result = this.harness.afterWrite(WriteOp.INSERT, new Member("dave", null), 4L);

		assertThat(result.faulted()).isTrue();
		assertThat(result.deferred()).isEmpty();
		assertThat(this.harness.faults()).isOne();
	}

	@Test
	void hookSeesTheRequestDuringWhichTheWriteHappens() {
		PluginHarness harness = this.harness.during(TestRequest.post("/members").header("Accept-Language", "fr"));

		harness.afterWrite(WriteOp.INSERT, new Member("eve", "e@example.com"), 5L).runDeferred();

		assertThat(this.mailbox).containsExactly("To e@example.com: Bienvenue eve, you are member 5");
	}

	@Test
	void entitiesRestrictionSkipsOtherAggregates() {
		AfterWriteResult result = this.harness.withEntities("customer")
			.afterWrite(WriteOp.INSERT, new Member("frank", "f@example.com"), 6L);

		assertThat(result.deferred()).isEmpty();
	}

	@Test
	void deferredWorkIsCapturedEvenInsideATestTransaction() {
		TransactionSynchronization testOwn = new TransactionSynchronization() {
		};
		TransactionSynchronizationManager.initSynchronization();
		try {
			TransactionSynchronizationManager.registerSynchronization(testOwn);

			AfterWriteResult result = this.harness.afterWrite(WriteOp.INSERT, new Member("gina", "g@example.com"), 8L);

			assertThat(result.deferred()).hasSize(1);
			assertThat(TransactionSynchronizationManager.getSynchronizations()).containsExactly(testOwn);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	record Member(String name, String email) {
	}

	/**
	 * Mails each new member after the insert commits, without blocking the response.
	 */
	static final class WelcomeMailPlugin implements AfterWritePlugin {

		private final List<String> mailbox;

		WelcomeMailPlugin(List<String> mailbox) {
			this.mailbox = mailbox;
		}

		@Override
		public String id() {
			return "welcome-mail";
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
			Member member = write.entity(Member.class);
			if (write.op() != WriteOp.INSERT || member == null) {
				return;
			}
			String address = member.email().trim();
			RequestContext request = write.request();
			String greeting = (request != null && "fr".equals(request.header("Accept-Language"))) ? "Bienvenue"
					: "Welcome";
			Object id = write.id();
			write.defer(() -> {
				if (address.isEmpty()) {
					throw new IllegalStateException("No address for member " + id);
				}
				this.mailbox.add("To " + address + ": " + greeting + " " + member.name() + ", you are member " + id);
			});
		}

	}

}
