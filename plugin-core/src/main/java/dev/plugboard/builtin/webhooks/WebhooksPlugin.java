package dev.plugboard.builtin.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.PluginOrder;
import dev.plugboard.UndeliverableException;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.AggregateKey;

/**
 * Posts entity events to the configured endpoints, signed per the Standard Webhooks
 * specification and delivered through the durable outbox.
 *
 * <p>
 * After each repository write that an endpoint's {@code entities} and {@code ops} match,
 * the after-write hook builds the event, {@code {"type":"order.created",
 * "timestamp":"<ISO-8601>","data":{...}}} with the entity serialised by the
 * {@link JsonMapper} it was given, and enqueues one outbox record per matching endpoint
 * in the write's transaction: the event exists if and only if the write commits, and each
 * endpoint is retried on its own.
 *
 * <p>
 * {@link #deliver} posts the event as it was built, with {@code webhook-id} (the outbox
 * record's id, the same on every attempt), {@code webhook-timestamp} (the seconds of this
 * attempt) and {@code webhook-signature} (one {@code v1,} signature per secret). A 2xx
 * answer is success; any other answer, a redirect (never followed), a timeout or an I/O
 * error is thrown, so the outbox retries. Before each attempt the endpoint's host is
 * resolved, and an internal address (loopback, private, link-local, ...) makes the record
 * undeliverable unless the endpoint sets {@code allowPrivateNetwork}; the HTTP client
 * resolves the host again when it connects, so a DNS server that answers differently the
 * second time is not caught (guard egress at the network too).
 *
 * <p>
 * Thread-safe; the HTTP client is shared by all deliveries.
 *
 * @since 0.1.0
 */
public final class WebhooksPlugin implements AfterWritePlugin, OutboxPlugin {

	/** The plugin's id in the manifest, and its outbox topic. */
	public static final String ID = "webhooks";

	/** The value of the {@code user-agent} header of each delivery. */
	public static final String USER_AGENT = "Plugboard-Webhooks";

	private final WebhooksConfig config;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Target> targets = new LinkedHashMap<>();

	private final HttpClient client;

	/**
	 * Create the plugin.
	 * @param config the endpoints and timeouts
	 * @param json the mapper the entities are serialised with, typically the
	 * application's, so an event shows an entity as the application's JSON does
	 * @param clock the clock of the event and signature timestamps
	 */
	public WebhooksPlugin(WebhooksConfig config, JsonMapper json, Clock clock) {
		this.config = config;
		this.json = json;
		this.clock = clock;
		for (WebhooksConfig.Endpoint endpoint : config.endpoints()) {
			this.targets.put(endpoint.name(), new Target(endpoint));
		}
		this.client = HttpClient.newBuilder()
			.connectTimeout(config.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.RECORDING;
	}

	/**
	 * The aggregates the endpoints name, as configured, for the startup check against the
	 * application's repositories.
	 * @return the aggregate names of every endpoint, by endpoint name
	 */
	public Map<String, List<String>> entities() {
		Map<String, List<String>> entities = new LinkedHashMap<>();
		this.config.endpoints().forEach((endpoint) -> entities.put(endpoint.name(), endpoint.entities()));
		return entities;
	}

	/**
	 * Enqueue the event of this write for every endpoint it matches. An entity that does
	 * not serialise fails the write (its transaction rolls back), so that no write
	 * commits without its events.
	 */
	@Override
	public void afterWrite(AfterWriteContext write) {
		String aggregate = AggregateKey.of(write.aggregate());
		String event = null;
		for (Target target : this.targets.values()) {
			if (target.matches(aggregate, write.op())) {
				if (event == null) {
					try {
						event = event(write);
					}
					catch (JacksonException ex) {
						throw new WebhookEventFailure("Could not build the webhook event of the " + write.op() + " of '"
								+ write.aggregate() + "' (" + ex.getOriginalMessage() + "); the write is rolled back",
								ex);
					}
				}
				write.outbox().enqueue(topic(), envelope(target.endpoint.name(), event));
			}
		}
	}

	/**
	 * The body posted for a write.
	 */
	String event(AfterWriteContext write) {
		Map<String, @Nullable Object> event = new LinkedHashMap<>();
		event.put("type", write.aggregate() + "." + type(write.op()));
		event.put("timestamp", this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
		event.put("data", write.entity());
		return this.json.writeValueAsString(event);
	}

	private static String type(WriteOp op) {
		return switch (op) {
			case INSERT -> "created";
			case UPDATE -> "updated";
			case DELETE -> "deleted";
		};
	}

	private String envelope(String endpoint, String event) {
		Map<String, String> envelope = new LinkedHashMap<>();
		envelope.put("endpoint", endpoint);
		envelope.put("body", event);
		return this.json.writeValueAsString(envelope);
	}

	/**
	 * Post one event to its endpoint.
	 * @throws UndeliverableException when the record names no configured endpoint, is
	 * malformed, or the endpoint's host resolves to an internal address it does not allow
	 * @throws IOException when the endpoint cannot be reached, times out, or answers
	 * anything but 2xx; the outbox retries
	 * @throws InterruptedException when the worker is interrupted
	 */
	@Override
	public void deliver(OutboxRecord record) throws Exception {
		String endpointName;
		String body;
		try {
			JsonNode envelope = this.json.readTree(record.payload());
			endpointName = envelope.path("endpoint").asString(null);
			body = envelope.path("body").asString(null);
		}
		catch (JacksonException ex) {
			throw new UndeliverableException("The record is not a webhooks event: " + ex.getOriginalMessage(), ex);
		}
		if (endpointName == null || body == null) {
			throw new UndeliverableException("The record is not a webhooks event: it has no endpoint or no body");
		}
		Target target = this.targets.get(endpointName);
		if (target == null) {
			throw new UndeliverableException("The record is for the endpoint '" + endpointName
					+ "', which is no longer configured; the endpoints are " + this.targets.keySet());
		}
		URI url = target.endpoint.url();
		if (!target.endpoint.allowPrivateNetwork()) {
			checkPublic(target.endpoint.name(), url);
		}
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.config.timeout())
			.header("content-type", "application/json")
			.header("user-agent", USER_AGENT)
			.header("webhook-id", record.id())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", target.signer.sign(record.id(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<InputStream> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new IOException("Endpoint '" + endpointName + "' (" + url + ") could not be reached: " + ex, ex);
		}
		// The answer's body is not needed: closing the stream drops it unread, so a
		// receiver that trickles a body cannot hold the worker past the timeout.
		response.body().close();
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		if (status >= 300 && status < 400) {
			throw new IOException("Endpoint '" + endpointName + "' (" + url + ") answered " + status
					+ " redirecting to " + response.headers().firstValue("location").orElse("nowhere")
					+ "; redirects are not followed, so point the endpoint's url at the final address");
		}
		throw new IOException("Endpoint '" + endpointName + "' (" + url + ") answered " + status);
	}

	/**
	 * Refuse a host that resolves to an internal address.
	 */
	private static void checkPublic(String endpoint, URI url) throws UndeliverableException, UnknownHostException {
		String host = url.getHost();
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new UnknownHostException("Endpoint '" + endpoint + "' (" + url + "): the host " + host
					+ " could not be resolved: " + ex.getMessage());
		}
		for (InetAddress address : addresses) {
			String range = PrivateNetworks.rangeOf(address);
			if (range != null) {
				throw new UndeliverableException("Endpoint '" + endpoint + "' (" + url + ") resolves to "
						+ address.getHostAddress() + ", an internal address (" + range
						+ "); webhooks refuse internal addresses against SSRF. Set allow-private-network: true on the "
						+ "endpoint if the receiver really is internal.");
			}
		}
	}

	@Override
	public String toString() {
		return "WebhooksPlugin[endpoints=" + this.config.endpoints() + ", connectTimeout="
				+ this.config.connectTimeout() + ", timeout=" + this.config.timeout() + "]";
	}

	/**
	 * An endpoint with what a write and a delivery need, worked out once.
	 */
	private static final class Target {

		private final WebhooksConfig.Endpoint endpoint;

		private final Set<String> aggregates;

		private final WebhookSigner signer;

		Target(WebhooksConfig.Endpoint endpoint) {
			this.endpoint = endpoint;
			this.aggregates = endpoint.entities()
				.stream()
				.map(AggregateKey::of)
				.collect(Collectors.toUnmodifiableSet());
			this.signer = new WebhookSigner(endpoint.keys());
		}

		boolean matches(String aggregate, WriteOp op) {
			return this.endpoint.ops().contains(op)
					&& (this.aggregates.isEmpty() || this.aggregates.contains(aggregate));
		}

	}

}
