package dev.plugboard.autoconfigure.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.autoconfigure.outbox.OutboxTestApplication.PurchaseAnnouncer;
import dev.plugboard.autoconfigure.outbox.OutboxTestApplication.PurchaseService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The outbox in a running application: records written by an after-write hook in the
 * transaction of a Spring Data JDBC save, and the actuator endpoint over HTTP.
 */
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-outbox/schema.sql",
				"plugboard.outbox.poll-interval=100ms", "management.endpoints.web.exposure.include=outbox" })
class OutboxEndToEndIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	private PurchaseService purchases;

	@Autowired
	private PurchaseAnnouncer announcer;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void emptyTheOutbox() {
		this.jdbc.update("DELETE FROM plugboard_outbox");
		this.deliveries.clear();
	}

	@Test
	void aSavedEntitysRecordIsDeliveredAndOneRolledBackWithItsEntityIsNot() {
		assertThatIllegalStateException().isThrownBy(() -> this.purchases.buyThenFail("declined lamp"));
		long id = this.purchases.buy("lamp").id();
		await().atMost(PATIENCE).until(() -> this.deliveries.successes().size() == 1);
		assertThat(this.deliveries.attempts()).singleElement()
			.satisfies((attempt) -> assertThat(attempt.record().payload())
				.isEqualTo("{\"type\":\"purchase.created\",\"id\":" + id + ",\"item\":\"lamp\"}"));
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM purchase WHERE item = 'declined lamp'", Integer.class))
			.isZero();
	}

	@Test
	void theEndpointListsADeadRecordAndRedeliversItOverHttp() throws Exception {
		this.announcer.refused.add("sofa");
		this.purchases.buy("sofa");
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_outbox WHERE status = 'DEAD'",
					Integer.class) == 1);
		HttpResponse<String> read = send(HttpRequest.newBuilder(uri("")).GET().build());
		assertThat(read.statusCode()).isEqualTo(200);
		JsonContent<Object> json = new BasicJsonTester(getClass()).from(read.body());
		assertThat(json).extractingJsonPathNumberValue("$.dead").isEqualTo(1);
		assertThat(json).extractingJsonPathNumberValue("$.pending").isEqualTo(0);
		assertThat(json).extractingJsonPathStringValue("$.deadRecords[0].topic").isEqualTo("purchase-announcer");
		assertThat(json).extractingJsonPathStringValue("$.deadRecords[0].lastError")
			.isEqualTo("dev.plugboard.UndeliverableException: receiver refuses sofa");
		String id = JsonPath.read(read.body(), "$.deadRecords[0].id");
		assertThat(id).isEqualTo(this.jdbc.queryForObject("SELECT id FROM plugboard_outbox", String.class));

		this.announcer.refused.clear();
		HttpResponse<String> redelivered = send(
				HttpRequest.newBuilder(uri("/" + id)).POST(HttpRequest.BodyPublishers.noBody()).build());
		assertThat(redelivered.statusCode()).isEqualTo(200);
		await().atMost(PATIENCE).until(() -> this.deliveries.delivered(id));

		HttpResponse<String> unknown = send(
				HttpRequest.newBuilder(uri("/" + id)).POST(HttpRequest.BodyPublishers.noBody()).build());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + "/actuator/outbox" + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
