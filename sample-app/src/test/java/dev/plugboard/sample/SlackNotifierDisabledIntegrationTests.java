package dev.plugboard.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.plugboard.runtime.DeferredExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code enabled: false} in slack-notifier's manifest entry turns it off, URL or not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "plugboard.plugins.slack-notifier.enabled=false")
@AutoConfigureRestTestClient
class SlackNotifierDisabledIntegrationTests {

	static final WebhookReceiver receiver = WebhookReceiver.start();

	@Autowired
	RestTestClient client;

	@Autowired
	DeferredExecutor deferred;

	@DynamicPropertySource
	static void slackUrl(DynamicPropertyRegistry registry) {
		registry.add("plugboard.plugins.slack-notifier.url", receiver::url);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@Test
	void newUserIsNotPosted() {
		this.client.post()
			.uri("/users")
			.body(Map.of("name", "Margaret", "email", "margaret@example.com"))
			.exchange()
			.expectStatus()
			.isCreated();

		assertThat(this.deferred.submitted()).as("tasks deferred before the response").isZero();
		assertThat(receiver.pending()).isZero();
	}

	@Test
	void internalHealthReportsItDisabled() {
		this.client.get()
			.uri("/internal/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.plugins[?(@.id == 'slack-notifier')].enabled")
			.isEqualTo(List.of(false));
	}

}
