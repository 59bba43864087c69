package dev.plugboard.builtin.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.PayloadTooLarge;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.ValidationFailed;

/**
 * Receives Stripe webhook events on {@code POST <path>} ({@code /stripe/webhook} by
 * default). Each delivery's {@code Stripe-Signature} header is verified against the raw
 * request bytes before anything else is done with them: a missing, malformed or wrong
 * signature, or a timestamp further from now than the tolerance, is a 400 problem with
 * its own {@code code} ({@code signature-missing}, {@code signature-malformed},
 * {@code signature-invalid}, {@code timestamp-outside-tolerance}).
 *
 * <p>
 * A verified event is parsed, its id recorded in the {@link StripeEventStore} and its
 * {@link StripeEventHandler}s called, in one transaction. The answer is a 200 once that
 * transaction commits; an event id recorded before is a 200 at once, without calling any
 * handler, so a redelivery is processed once. An event no handler takes is recorded and
 * acknowledged. A handler that throws rolls the record back, and the answer is a 500, so
 * that Stripe delivers the event again.
 *
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class StripePlugin implements RoutesPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "stripe";

	private final StripeConfig config;

	private final StripeSignature signature;

	private final StripeEventStore store;

	private final Supplier<? extends List<StripeEventHandler>> handlerSource;

	private volatile @Nullable List<StripeEventHandler> handlers;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Create the plugin.
	 * @param config the route, secrets and limits
	 * @param store where the ids of processed events are recorded
	 * @param handlers the application's handlers in the order they are called; asked
	 * once, on the first event, so that handler beans can depend on beans created after
	 * the plugin
	 * @param clock the clock the signature's timestamp is compared with
	 */
	public StripePlugin(StripeConfig config, StripeEventStore store,
			Supplier<? extends List<StripeEventHandler>> handlers, Clock clock) {
		this.config = config;
		this.signature = new StripeSignature(config.signingSecrets(), config.tolerance());
		this.store = store;
		this.handlerSource = handlers;
		this.clock = clock;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().POST(this.config.path(), this::receive).build();
	}

	private ServerResponse receive(ServerRequest request) {
		byte[] payload = payload(request);
		this.signature.verify(request.headers().firstHeader(StripeSignature.HEADER), payload, this.clock.instant());
		StripeEvent event = parse(payload);
		boolean processed = this.store.recordOnce(event, () -> dispatch(event));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event.id());
		body.put("duplicate", !processed);
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * The request body as received, up to the configured limit.
	 */
	private byte[] payload(ServerRequest request) {
		long limit = this.config.maxPayloadBytes();
		long declared = request.headers().contentLength().orElse(-1);
		if (declared > limit) {
			throw new PayloadTooLarge(limit);
		}
		try (InputStream in = request.servletRequest().getInputStream()) {
			byte[] payload = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			if (payload.length > limit) {
				throw new PayloadTooLarge(limit);
			}
			return payload;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Stripe webhook payload", ex);
		}
	}

	private StripeEvent parse(byte[] payload) {
		JsonNode root;
		try {
			root = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw invalid("it is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw invalid("it is not a JSON object");
		}
		String id = text(root, "id");
		String type = text(root, "type");
		JsonNode created = root.path("created");
		JsonNode livemode = root.path("livemode");
		if (!created.isMissingNode() && !created.canConvertToLong()) {
			throw invalid("its 'created' member is not a number of seconds");
		}
		return new StripeEvent(id, type, Instant.ofEpochSecond(created.isMissingNode() ? 0 : created.longValue()),
				livemode.isBoolean() && livemode.booleanValue(), root.path("data").path("object"),
				new String(payload, StandardCharsets.UTF_8));
	}

	private static String text(JsonNode root, String name) {
		JsonNode node = root.path(name);
		if (!node.isString() || node.stringValue().isBlank() || node.stringValue().length() > 255) {
			throw invalid("its '" + name + "' member is missing or not a string of at most 255 characters");
		}
		return node.stringValue();
	}

	private static ValidationFailed invalid(String reason) {
		return new ValidationFailed("invalid-event",
				"The signed payload is not a Stripe event: " + reason + ". Only event payloads are accepted here.");
	}

	private void dispatch(StripeEvent event) {
		for (StripeEventHandler handler : handlers()) {
			Set<String> types = handler.eventTypes();
			if (types.contains(event.type()) || types.contains(StripeEventHandler.ALL_TYPES)) {
				try {
					handler.handle(event);
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new StripeHandlerFailure(event, handler, ex);
				}
			}
		}
	}

	private List<StripeEventHandler> handlers() {
		List<StripeEventHandler> handlers = this.handlers;
		if (handlers == null) {
			handlers = List.copyOf(this.handlerSource.get());
			this.handlers = handlers;
		}
		return handlers;
	}

	@Override
	public String toString() {
		return "StripePlugin[path=" + this.config.path() + ", signingSecrets=" + this.config.signingSecrets().size()
				+ ", tolerance=" + this.config.tolerance() + ", store=" + this.store + "]";
	}

}
