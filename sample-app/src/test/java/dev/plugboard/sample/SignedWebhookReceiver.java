package dev.plugboard.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local receiver of Plugboard's outgoing webhooks for the outbox tests: it checks every
 * delivery's signature with the independent Standard Webhooks library, can be slow and
 * fail a share of the deliveries, and counts by {@code webhook-id} what it accepted and
 * whether one id was ever in flight twice at once.
 */
final class SignedWebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(16);

	private final Webhook verifier;

	private final double failureRate;

	private final long delayMillis;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final Set<String> overlapping = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> accepted = new ConcurrentHashMap<>();

	private final Map<String, String> bodies = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger badSignatures = new AtomicInteger();

	/**
	 * Closed while {@link #hold()} is in force: deliveries wait at it, then get a 503.
	 */
	private volatile CountDownLatch gate = new CountDownLatch(0);

	SignedWebhookReceiver(String secret, double failureRate, long delayMillis) throws IOException {
		this.verifier = new Webhook(secret);
		this.failureRate = failureRate;
		this.delayMillis = delayMillis;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.setExecutor(this.executor);
		this.server.createContext("/hooks", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		try (exchange; InputStream in = exchange.getRequestBody()) {
			handle(exchange, in);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(HttpExchange exchange, InputStream in) throws IOException, InterruptedException {
		String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		Map<String, List<String>> headers = new HashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
		try {
			this.verifier.verify(body, headers);
		}
		catch (WebhookVerificationException ex) {
			this.badSignatures.incrementAndGet();
			exchange.sendResponseHeaders(400, -1);
			return;
		}
		String id = headers.get("webhook-id").get(0);
		CountDownLatch held = this.gate;
		if (held.getCount() > 0) {
			held.await(60, TimeUnit.SECONDS);
			exchange.sendResponseHeaders(503, -1);
			return;
		}
		if (!this.inFlight.add(id)) {
			this.overlapping.add(id);
		}
		try {
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
			if (ThreadLocalRandom.current().nextDouble() < this.failureRate) {
				exchange.sendResponseHeaders(500, -1);
				return;
			}
			this.bodies.put(id, body);
			this.accepted.merge(id, 1, Integer::sum);
			exchange.sendResponseHeaders(204, -1);
		}
		finally {
			this.inFlight.remove(id);
		}
	}

	/**
	 * Hold every delivery from now on, unanswered, until {@link #release()}; the held
	 * ones are then refused with a 503 and none is accepted.
	 */
	void hold() {
		this.gate = new CountDownLatch(1);
	}

	void release() {
		this.gate.countDown();
	}

	/** Ids accepted (answered 2xx), with how many times each. */
	Map<String, Integer> accepted() {
		return Map.copyOf(this.accepted);
	}

	/** The body of the accepted delivery of each id. */
	Map<String, String> bodies() {
		return Map.copyOf(this.bodies);
	}

	/** Ids that arrived while a delivery of the same id was still being answered. */
	Set<String> overlapping() {
		return Set.copyOf(this.overlapping);
	}

	int requests() {
		return this.requests.get();
	}

	int badSignatures() {
		return this.badSignatures.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
