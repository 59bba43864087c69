package dev.plugboard.builtin.requestid;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * Gives every request one correlation id: the client's (or the proxy's) incoming header
 * when it is a safe token, otherwise a new random 128-bit id in 32 hex digits. The id is
 * set as the request's {@link RequestContext#requestId()} (so later plugins, write hooks
 * and the 500 problem body's {@code correlationId} use the same one), echoed in the
 * response header, and put in the logging MDC for the request thread until the request is
 * over.
 *
 * <p>
 * A safe incoming id is 1 to {@link RequestIdConfig#maxLength()} characters of
 * {@code A-Z a-z 0-9 . _ -}: nothing that could forge a log line or a header. Generated
 * ids come from {@link ThreadLocalRandom}: unique enough to correlate, not secrets. The
 * MDC entry lives on the request thread only; work handed to other threads does not carry
 * it. Immutable and thread-safe; a request allocates only the generated id.
 *
 * @since 0.1.0
 */
public final class RequestIdPlugin implements BeforeRequestPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "request-id";

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final boolean[] SAFE = new boolean[128];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			SAFE[c] = true;
			SAFE[Character.toUpperCase(c)] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			SAFE[c] = true;
		}
		SAFE['.'] = true;
		SAFE['_'] = true;
		SAFE['-'] = true;
	}

	private final String header;

	private final String mdcKey;

	private final int maxLength;

	private final boolean acceptIncoming;

	private final Runnable clearMdc;

	/**
	 * Create the plugin with the defaults.
	 */
	public RequestIdPlugin() {
		this(RequestIdConfig.defaults());
	}

	/**
	 * Create the plugin.
	 * @param config the header, MDC key and incoming id policy
	 */
	public RequestIdPlugin(RequestIdConfig config) {
		this.header = config.header();
		this.mdcKey = config.mdcKey();
		this.maxLength = config.maxLength();
		this.acceptIncoming = config.acceptIncoming();
		String key = this.mdcKey;
		this.clearMdc = () -> MDC.remove(key);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.REQUEST_ID;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		String id = this.acceptIncoming ? request.header(this.header) : null;
		if (id == null || !isSafe(id, this.maxLength)) {
			id = generate();
		}
		request.setRequestId(id);
		request.setResponseHeader(this.header, id);
		MDC.put(this.mdcKey, id);
		request.onComplete(this.clearMdc);
	}

	/**
	 * Whether an incoming id may be used as is.
	 * @param id the incoming id
	 * @param maxLength the longest accepted
	 * @return whether it is 1 to {@code maxLength} safe characters
	 */
	static boolean isSafe(@Nullable String id, int maxLength) {
		if (id == null) {
			return false;
		}
		int length = id.length();
		if (length == 0 || length > maxLength) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			if (c >= 128 || !SAFE[c]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A new random 128-bit id, 32 lower-case hex digits.
	 * @return the id
	 */
	static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		byte[] digits = new byte[32];
		hex(random.nextLong(), digits, 0);
		hex(random.nextLong(), digits, 16);
		return new String(digits, StandardCharsets.ISO_8859_1);
	}

	private static void hex(long bits, byte[] digits, int offset) {
		for (int i = 15; i >= 0; i--) {
			digits[offset + i] = HEX[(int) (bits & 0xF)];
			bits >>>= 4;
		}
	}

}
