package dev.plugboard.sample;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durability promise of the outbox, end to end: the sample runs as a separate JVM
 * with the {@code postgres} and {@code webhooks} profiles, a thousand users are created
 * while the receiver is slow and fails 30% of the deliveries, and the process is killed
 * with SIGKILL ({@code kill -9}) while deliveries are pending. After a restart on the
 * same database every user's event reaches the receiver at least once with a valid
 * signature, and the dead letters are exactly the records that used up their schedule.
 */
@EnabledIfPostgres
class OutboxCrashIntegrationTests {

	private static final String SCHEMA = "plugboard_sample_crash_" + ProcessHandle.current().pid();

	private static final int USERS = 1000;

	private static final int MAX_ATTEMPTS = 10;

	@TempDir
	Path logs;

	@AfterAll
	static void dropSchema() {
		OutboxSampleSupport.dropSchema(SCHEMA);
	}

	@Test
	void killedWhileDeliveriesArePendingLosesNoEvent() throws Exception {
		OutboxSampleSupport.recreateSchema(SCHEMA);
		String secret = OutboxSampleSupport.newSecret();
		try (SignedWebhookReceiver receiver = new SignedWebhookReceiver(secret, 0.3, 50)) {
			int firstPort = freePort();
			Process first = launch(receiver, secret, "first", firstPort);
			List<Long> users;
			int acceptedAtKill;
			try {
				String url = awaitStarted(first, "first", firstPort);
				receiver.hold();
				users = OutboxSampleSupport.createUsers(USERS, (n) -> url);
				acceptedAtKill = receiver.accepted().size();
			}
			finally {
				first.destroyForcibly();
				first.waitFor();
			}
			assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
			receiver.release();
			assertThat(acceptedAtKill).as("events accepted before the kill").isZero();
			long pendingAtKill = OutboxSampleSupport.outboxRows(SCHEMA)
				.values()
				.stream()
				.filter((row) -> row.status().equals("PENDING"))
				.count();
			assertThat(pendingAtKill).isPositive();
			System.out.printf(
					"OutboxCrashIntegrationTests: killed with %d of %d events accepted and %d records pending%n",
					acceptedAtKill, USERS, pendingAtKill);

			int secondPort = freePort();
			Process second = launch(receiver, secret, "second", secondPort);
			try {
				awaitStarted(second, "second", secondPort);
				OutboxSampleSupport.await("no outbox record is pending", Duration.ofSeconds(180),
						() -> OutboxSampleSupport.outboxRows(SCHEMA)
							.values()
							.stream()
							.noneMatch((row) -> row.status().equals("PENDING")));
			}
			finally {
				second.destroy();
				second.waitFor();
			}
			Map<String, OutboxSampleSupport.Row> dead = OutboxSampleSupport.outboxRows(SCHEMA);
			Set<Long> delivered = new HashSet<>();
			receiver.bodies().values().forEach((body) -> delivered.add(OutboxSampleSupport.userId(body)));
			Set<Long> deadUsers = new HashSet<>();
			dead.forEach((id, row) -> {
				assertThat(row.status()).isEqualTo("DEAD");
				assertThat(row.attempts()).as("dead only after its whole schedule").isEqualTo(MAX_ATTEMPTS);
				assertThat(receiver.accepted()).doesNotContainKey(id);
				deadUsers.add(OutboxSampleSupport
					.userId(OutboxSampleSupport.JSON.readTree(row.payload()).get("body").asString()));
			});
			Set<Long> reached = new HashSet<>(delivered);
			reached.addAll(deadUsers);
			assertThat(reached).as("every user's event delivered or dead-lettered").containsAll(users);
			assertThat(receiver.badSignatures()).isZero();
			assertThat(receiver.accepted()).hasSizeGreaterThanOrEqualTo(USERS - dead.size());
		}
	}

	private Process launch(SignedWebhookReceiver receiver, String secret, String name, int port) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), SampleApplication.class.getName()));
		command.addAll(OutboxSampleSupport.arguments(SCHEMA, receiver, secret, port));
		command.add("--plugboard.outbox.lease=5s");
		command.add("--plugboard.outbox.retry.max-attempts=" + MAX_ATTEMPTS);
		command.add("--plugboard.plugins.rate-limit.enabled=false");
		File log = this.logs.resolve(name + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private String awaitStarted(Process process, String name, int port) throws Exception {
		String url = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newHttpClient();
		OutboxSampleSupport.await("the " + name + " sample answers", Duration.ofSeconds(120), () -> {
			if (!process.isAlive()) {
				throw new AssertionError("The " + name + " sample exited: " + log(name));
			}
			try {
				return http
					.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		});
		return url;
	}

	private String log(String name) {
		try {
			return Files.readString(this.logs.resolve(name + ".log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
