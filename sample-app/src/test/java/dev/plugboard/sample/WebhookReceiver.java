package dev.plugboard.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for a Slack incoming webhook: records what is posted to it, and can
 * hold its answer until the test releases it, to prove that the poster did not wait for
 * it.
 */
public final class WebhookReceiver {

	/**
	 * Safety bound on every wait, so that a broken test fails instead of hanging the
	 * build.
	 */
	private static final long SAFETY_SECONDS = 30;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

	private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

	private final AtomicBoolean answeredWhileHeld = new AtomicBoolean();

	private WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/hook", this::receive);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public static WebhookReceiver start() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the webhook receiver", ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	/**
	 * Hold every answer until {@link #release()}.
	 */
	public void hold() {
		this.answeredWhileHeld.set(false);
		this.gate.set(new CountDownLatch(1));
	}

	/**
	 * Answer the held posts.
	 */
	public void release() {
		this.gate.get().countDown();
	}

	/**
	 * Whether a post was answered since {@link #hold()}; only the safety bound answers
	 * one before {@link #release()}.
	 * @return whether a held post was answered
	 */
	public boolean answeredSinceHold() {
		return this.answeredWhileHeld.get();
	}

	/**
	 * The next post whose body contains a marker, skipping others.
	 * @param marker text the body must contain
	 * @return the delivery
	 * @throws AssertionError when none arrives within the safety bound
	 */
	public Delivery awaitDelivery(String marker) throws InterruptedException {
		List<Delivery> through = awaitDeliveriesThrough(marker);
		return through.get(through.size() - 1);
	}

	/**
	 * Every post received up to and including the next one whose body contains a marker.
	 * @param marker text the last body must contain
	 * @return the deliveries, in the order they arrived
	 * @throws AssertionError when none arrives within the safety bound
	 */
	public List<Delivery> awaitDeliveriesThrough(String marker) throws InterruptedException {
		List<Delivery> received = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_SECONDS);
		while (true) {
			Delivery delivery = this.deliveries.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (delivery == null) {
				throw new AssertionError(
						"No post containing '" + marker + "' reached the receiver; received " + received);
			}
			received.add(delivery);
			if (delivery.body().contains(marker)) {
				return received;
			}
		}
	}

	/**
	 * The posts received and not yet awaited.
	 * @return the count
	 */
	public int pending() {
		return this.deliveries.size();
	}

	public void stop() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void receive(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.deliveries.add(
				new Delivery(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"), body));
		CountDownLatch held = this.gate.get();
		try {
			held.await(SAFETY_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (held.getCount() > 0) {
			this.answeredWhileHeld.set(true);
		}
		byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, ok.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(ok);
		}
	}

	/**
	 * One post received.
	 *
	 * @param method the HTTP method
	 * @param contentType the Content-Type header
	 * @param body the body
	 */
	public record Delivery(String method, @Nullable String contentType, String body) {
	}

}
