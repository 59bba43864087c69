package dev.plugboard.sample.plugins;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.WriteOp;
import dev.plugboard.sample.Order;
import dev.plugboard.sample.User;
import dev.plugboard.sample.WebhookReceiver;
import dev.plugboard.test.AfterWriteResult;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slack-notifier plugin on its own, driven by the Plugboard test harness: no Spring
 * context, no database, and the deferred post runs when the test says so.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackNotifierPluginTests {

	private final WebhookReceiver receiver = WebhookReceiver.start();

	@AfterEach
	void stopReceiver() {
		this.receiver.stop();
	}

	@Test
	void newUserIsPostedAsASlackMessageOnceTheDeferredWorkRuns() throws InterruptedException {
		PluginHarness harness = PluginHarness.of(notifier(URI.create(this.receiver.url())));

		AfterWriteResult result = harness.afterWrite(WriteOp.INSERT, "users", new User(42L, "Ada", "ada@example.com"),
				42L);

		assertThat(result.deferred()).hasSize(1);
		assertThat(this.receiver.pending()).isZero();
		result.runDeferred();
		assertThat(this.receiver.awaitDelivery("ada@example.com").body())
			.isEqualTo("{\"text\":\"New user *Ada* <ada@example.com> (id 42)\"}");
	}

	@Test
	void messageIsLoggedWhenNoUrlIsSet(CapturedOutput output) {
		PluginHarness harness = PluginHarness.of(notifier(null));

		harness.afterWrite(WriteOp.INSERT, "users", new User(7L, "Alan", "alan@example.com"), 7L).runDeferred();

		assertThat(output).contains(
				"Plugin 'slack-notifier' has no url; message: {\"text\":\"New user *Alan* <alan@example.com> (id 7)\"}");
	}

	@Test
	void updatesDeletesAndOtherEntitiesAreNotAnnounced() {
		PluginHarness harness = PluginHarness.of(notifier(null));
		User user = new User(1L, "Grace", "grace@example.com");

		assertThat(harness.afterWrite(WriteOp.UPDATE, "users", user, 1L).deferred()).isEmpty();
		assertThat(harness.afterWrite(WriteOp.DELETE, "users", user, 1L).deferred()).isEmpty();
		assertThat(harness.afterWrite(WriteOp.INSERT, "orders", new Order(5L, 1L, "Tea", 2, null, null), 5L).deferred())
			.isEmpty();
	}

	@Test
	void manifestEntitiesRestrictionKeepsItToUsers() {
		PluginHarness harness = PluginHarness.of(notifier(null)).withEntities("users");

		assertThat(harness.afterWrite(WriteOp.INSERT, new User(3L, "Edsger", "e@example.com"), 3L).deferred())
			.hasSize(1);
	}

	private static SlackNotifierPlugin notifier(@Nullable URI url) {
		return new SlackNotifierPlugin(new SlackNotifierProperties(url, Duration.ofSeconds(5)),
				JsonMapper.builder().build());
	}

}
