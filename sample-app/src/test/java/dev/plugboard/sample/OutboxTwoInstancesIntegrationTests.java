package dev.plugboard.sample;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample on one PostgreSQL database share the outbox: a thousand
 * users created through both are delivered once each, and the receiver, counting by
 * {@code webhook-id}, never sees one record in flight from both instances at once.
 */
@EnabledIfPostgres
class OutboxTwoInstancesIntegrationTests {

	private static final String SCHEMA = "plugboard_sample_two_" + ProcessHandle.current().pid();

	private static final int USERS = 1000;

	@AfterAll
	static void dropSchema() {
		OutboxSampleSupport.dropSchema(SCHEMA);
	}

	@Test
	void twoInstancesDeliverEveryRecordOnceAndNeverAtTheSameTime() throws Exception {
		OutboxSampleSupport.recreateSchema(SCHEMA);
		String secret = OutboxSampleSupport.newSecret();
		try (SignedWebhookReceiver receiver = new SignedWebhookReceiver(secret, 0, 5);
				ConfigurableApplicationContext first = start(receiver, secret);
				ConfigurableApplicationContext second = start(receiver, secret)) {
			List<String> urls = List.of(url(first), url(second));
			List<Long> users = OutboxSampleSupport.createUsers(USERS, (n) -> urls.get(n % 2));
			OutboxSampleSupport.await("every user's event is delivered", Duration.ofSeconds(120),
					() -> receiver.accepted().size() >= USERS);
			Set<Long> delivered = new HashSet<>();
			receiver.bodies().values().forEach((body) -> delivered.add(OutboxSampleSupport.userId(body)));
			assertThat(delivered).containsExactlyInAnyOrderElementsOf(users);
			assertThat(receiver.overlapping()).as("ids in flight from both instances at once").isEmpty();
			assertThat(receiver.accepted().values()).as("deliveries per webhook-id").containsOnly(1);
			assertThat(receiver.badSignatures()).isZero();
			assertThat(delivered(first)).as("records the first instance delivered").isPositive();
			assertThat(delivered(second)).as("records the second instance delivered").isPositive();
			assertThat(delivered(first) + delivered(second)).isEqualTo(USERS);
		}
	}

	private static ConfigurableApplicationContext start(SignedWebhookReceiver receiver, String secret) {
		return new SpringApplication(SampleApplication.class)
			.run(OutboxSampleSupport.arguments(SCHEMA, receiver, secret, 0).toArray(String[]::new));
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static double delivered(ConfigurableApplicationContext context) {
		FunctionCounter counter = context.getBean(MeterRegistry.class)
			.find("plugboard.outbox.delivered")
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

}
