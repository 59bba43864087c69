package dev.plugboard.sample;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the {@code webhooks} profile on H2, as the README shows it: a new user
 * is posted, signed, through the outbox to the sample's own inbox, which accepts it only
 * when the Standard Webhooks library verifies the signature.
 */
class WebhooksProfileIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void newUserReachesTheInboxSignedAndAForgedDeliveryIsRefused() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String base = "http://localhost:" + port;
		try (ConfigurableApplicationContext context = new SpringApplication(SampleApplication.class).run(
				"--spring.profiles.active=webhooks", "--server.port=" + port, "--spring.jmx.enabled=false",
				"--plugboard.plugins.slack-notifier.enabled=false",
				"--plugboard.plugins.webhooks.endpoints.sample-inbox.url=" + base + "/demo/webhook-inbox")) {
			HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(URI.create(base + "/users"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			long id = OutboxSampleSupport.JSON.readTree(created.body()).get("id").asLong();
			OutboxSampleSupport.await("the inbox lists the user's event", Duration.ofSeconds(30),
					() -> inbox(base).contains("users.created"));
			String delivered = OutboxSampleSupport.JSON.readTree(inbox(base)).get(0).get("body").asString();
			assertThat(OutboxSampleSupport.userId(delivered)).isEqualTo(id);

			HttpResponse<String> forged = this.http
				.send(HttpRequest.newBuilder(URI.create(base + "/demo/webhook-inbox"))
					.header("Content-Type", "application/json")
					.header("webhook-id", "msg_forged")
					.header("webhook-timestamp", String.valueOf(System.currentTimeMillis() / 1000))
					.header("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl")
					.POST(HttpRequest.BodyPublishers.ofString(delivered))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).isEqualTo(400);
		}
	}

	private String inbox(String base) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(base + "/demo/webhook-inbox")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
