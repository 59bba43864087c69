package dev.plugboard.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sample's outbox tests share: a schema of their own on the machine's
 * PostgreSQL, the arguments that point the {@code webhooks} profile at a test receiver,
 * creating users over HTTP, and reading the outbox table.
 */
final class OutboxSampleSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private OutboxSampleSupport() {
	}

	static String newSecret() {
		byte[] key = new byte[24];
		new SecureRandom().nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

	static void recreateSchema(String schema) {
		execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
	}

	static void dropSchema(String schema) {
		execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	private static void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(EnabledIfPostgres.URL, EnabledIfPostgres.USER, "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + List.of(statements), ex);
		}
	}

	/**
	 * Arguments that run the sample on {@code schema} with the {@code webhooks} profile
	 * posting every new user to {@code receiver}, with a short retry schedule.
	 */
	static List<String> arguments(String schema, SignedWebhookReceiver receiver, String secret, int port) {
		return new ArrayList<>(List.of("--spring.profiles.active=postgres,webhooks", "--server.port=" + port,
				"--spring.jmx.enabled=false", "--logging.level.root=WARN",
				"--spring.datasource.url=" + EnabledIfPostgres.URL + "?currentSchema=" + schema,
				"--plugboard.plugins.slack-notifier.enabled=false", "--sample.webhooks.secret=" + secret,
				"--plugboard.plugins.webhooks.endpoints.sample-inbox.url=" + receiver.url(),
				"--plugboard.plugins.webhooks.endpoints.sample-inbox.entities=users",
				"--plugboard.outbox.retry.initial-delay=100ms", "--plugboard.outbox.retry.max-delay=1s",
				"--plugboard.outbox.poll-interval=200ms"));
	}

	/** Create {@code count} users over HTTP from 8 clients; returns their ids. */
	static List<Long> createUsers(int count, IntFunction<String> baseUrl) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Long>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				calls.add(() -> createUser(baseUrl.apply(n), n));
			}
			List<Long> ids = new ArrayList<>();
			for (Future<Long> id : pool.invokeAll(calls)) {
				ids.add(id.get());
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long createUser(String baseUrl, int n) throws Exception {
		String email = "outbox-" + n + "-" + System.nanoTime() + "@example.com";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/users"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"User " + n + "\",\"email\":\"" + email + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST /users answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).get("id").asLong();
	}

	/** The user id in the {@code data} of a webhook body. */
	static long userId(String body) {
		JsonNode event = JSON.readTree(body);
		return event.get("data").get("id").asLong();
	}

	/** The outbox rows still in the table: id to status and attempts. */
	static Map<String, Row> outboxRows(String schema) {
		Map<String, Row> rows = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(EnabledIfPostgres.URL, EnabledIfPostgres.USER, "");
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT id, status, attempts, payload FROM " + schema + ".plugboard_outbox")) {
			while (result.next()) {
				rows.put(result.getString(1), new Row(result.getString(2), result.getInt(3), result.getString(4)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	/** Poll until the condition holds; fails after the safety timeout. */
	static void await(String what, Duration safety, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + safety.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + safety + " waiting until " + what);
			}
			Thread.sleep(100);
		}
	}

	record Row(String status, int attempts, String payload) {
	}

}
