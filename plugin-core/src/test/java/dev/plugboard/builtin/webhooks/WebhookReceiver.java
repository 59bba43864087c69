package dev.plugboard.builtin.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on the loopback interface that records what webhooks it receives,
 * answering each with the next scripted answer (200 once the script is used up).
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final List<Received> redirectTargetHits = new CopyOnWriteArrayList<>();

	private final Deque<Consumer<HttpExchange>> answers = new ArrayDeque<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/hooks", (exchange) -> {
			this.received.add(read(exchange));
			Consumer<HttpExchange> answer;
			synchronized (this.answers) {
				answer = this.answers.poll();
			}
			(answer != null ? answer : status(200)).accept(exchange);
			exchange.close();
		});
		this.server.createContext("/moved-here", (exchange) -> {
			this.redirectTargetHits.add(read(exchange));
			respond(exchange, 200);
			exchange.close();
		});
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** The URL of the webhook path, by address. */
	String url() {
		return "http://127.0.0.1:" + port() + "/hooks";
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	WebhookReceiver thenAnswer(int status) {
		return then(status(status));
	}

	WebhookReceiver thenRedirect() {
		return then((exchange) -> {
			exchange.getResponseHeaders().add("location", "http://127.0.0.1:" + port() + "/moved-here");
			respond(exchange, 302);
		});
	}

	/** The next request is held, unanswered, until the receiver closes. */
	WebhookReceiver thenHang() {
		return then((exchange) -> {
			try {
				this.release.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200);
		});
	}

	private WebhookReceiver then(Consumer<HttpExchange> answer) {
		synchronized (this.answers) {
			this.answers.add(answer);
		}
		return this;
	}

	List<Received> received() {
		return this.received;
	}

	List<Received> redirectTargetHits() {
		return this.redirectTargetHits;
	}

	private static Consumer<HttpExchange> status(int status) {
		return (exchange) -> respond(exchange, status);
	}

	private static void respond(HttpExchange exchange, int status) {
		try {
			exchange.sendResponseHeaders(status, -1);
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static Received read(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			return new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), new String(body.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One request as received. Header names are as the server normalises them (first
	 * letter upper case); use {@link #header(String)}.
	 */
	record Received(String method, String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue().get(0);
				}
			}
			return null;
		}

	}

}
