package dev.plugboard.benchmark.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.plugboard.Outbox;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.autoconfigure.EnabledIfPostgres;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.outbox.OutboxAutoConfiguration;

/**
 * Outbox throughput: records enqueued (each committed on its own, as a write outside a
 * transaction would) and delivered by the outbox workers as HTTP POSTs to a local JDK
 * {@link HttpServer}, against the same POSTs sent from one thread with no outbox. The
 * score is records (or POSTs) per second; an invocation ends when the receiver has had
 * all {@value #RECORDS} of them, so the outbox figure includes the insert, the wake-up,
 * the claim, the delivery and the delete of every record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutboxThroughputBenchmark {

	static final int RECORDS = 200;

	static final String PAYLOAD = "{\"type\":\"order.created\",\"timestamp\":\"2026-11-27T03:00:00Z\",\"data\":"
			+ "{\"id\":4711,\"customer\":\"ada@example.com\",\"items\":[{\"sku\":\"LAMP-1\",\"quantity\":2,"
			+ "\"price\":\"49.90\"},{\"sku\":\"BULB-7\",\"quantity\":6,\"price\":\"3.20\"}],\"total\":\"119.00\"}}";

	@Benchmark
	@OperationsPerInvocation(RECORDS)
	public long plainPost(Receiver receiver) throws IOException, InterruptedException {
		long target = receiver.received() + RECORDS;
		for (int i = 0; i < RECORDS; i++) {
			receiver.post("plain-" + i);
		}
		receiver.awaitReceived(target);
		return target;
	}

	@Benchmark
	@OperationsPerInvocation(RECORDS)
	public long outbox(Instance instance) {
		long target = instance.receiver.received() + RECORDS;
		for (int i = 0; i < RECORDS; i++) {
			instance.outbox.enqueue("bench-webhook", PAYLOAD);
		}
		instance.receiver.awaitReceived(target);
		return target;
	}

	/**
	 * The receiver, and one HTTP client shared by every sender.
	 */
	@State(Scope.Benchmark)
	public static class Receiver {

		private final AtomicLong received = new AtomicLong();

		private HttpServer server;

		private ExecutorService executor;

		private HttpClient client;

		private URI uri;

		@Setup(Level.Trial)
		public void start() throws IOException {
			this.executor = Executors.newFixedThreadPool(4);
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
			this.server.createContext("/hook", (exchange) -> {
				try (InputStream body = exchange.getRequestBody()) {
					body.readAllBytes();
				}
				this.received.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.setExecutor(this.executor);
			this.server.start();
			this.uri = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook");
			this.client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.server.stop(0);
			this.executor.shutdownNow();
		}

		long received() {
			return this.received.get();
		}

		void post(String idempotencyKey) throws IOException, InterruptedException {
			HttpResponse<Void> response = this.client.send(HttpRequest.newBuilder(this.uri)
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", idempotencyKey)
				.POST(HttpRequest.BodyPublishers.ofString(PAYLOAD))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				throw new IOException("Receiver answered " + response.statusCode());
			}
		}

		void awaitReceived(long target) {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
			while (this.received.get() < target) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Received " + this.received.get() + " of " + target);
				}
				LockSupport.parkNanos(20_000);
			}
		}

	}

	/**
	 * An application with the outbox on a database and a plugin that POSTs each record to
	 * the receiver.
	 */
	@State(Scope.Benchmark)
	public static class Instance {

		@Param({ "h2", "postgresql" })
		public String database;

		@Param({ "1", "4" })
		public int workers;

		Receiver receiver;

		Outbox outbox;

		private ConfigurableApplicationContext context;

		@Setup(Level.Trial)
		public void start(Receiver receiver) {
			this.receiver = receiver;
			String url = "postgresql".equals(this.database)
					? EnabledIfPostgres.Condition.url("plugboard_bench_outbox_" + this.workers)
					: "jdbc:h2:mem:outboxbench" + this.workers + ";DB_CLOSE_DELAY=-1";
			this.context = new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
				.properties("spring.datasource.url=" + url,
						"spring.datasource.username="
								+ ("postgresql".equals(this.database) ? EnabledIfPostgres.USERNAME : "sa"),
						"plugboard.outbox.initialize-schema=always", "plugboard.outbox.workers=" + this.workers,
						"spring.main.banner-mode=off", "logging.level.root=WARN")
				.initializers((context) -> context.getBeanFactory().registerSingleton("benchReceiver", receiver))
				.run();
			this.outbox = this.context.getBean(Outbox.class);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PlugboardAutoConfiguration.class, OutboxAutoConfiguration.class,
			DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			TransactionAutoConfiguration.class })
	static class BenchApplication {

		@Bean
		WebhookPlugin benchWebhookPlugin(Receiver benchReceiver) {
			return new WebhookPlugin(benchReceiver);
		}

	}

	/**
	 * Delivers each record as a POST, as a webhook plugin would.
	 */
	static final class WebhookPlugin implements OutboxPlugin {

		private final Receiver receiver;

		WebhookPlugin(Receiver receiver) {
			this.receiver = receiver;
		}

		@Override
		public String id() {
			return "bench-webhook";
		}

		@Override
		public void deliver(OutboxRecord record) throws Exception {
			this.receiver.post(record.id());
		}

	}

}
