package dev.plugboard.builtin.csrf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.Forbidden;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * Protects cookie-authenticated unsafe requests ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE} and any other method that is not {@code GET},
 * {@code HEAD}, {@code OPTIONS} or {@code TRACE}) from cross-site request forgery, with
 * three checks in turn, each refusing with a 403 problem body whose code names it:
 * <ol>
 * <li>Fetch Metadata: {@code Sec-Fetch-Site: cross-site} is refused
 * ({@code csrf.cross-site});</li>
 * <li>the {@code Origin}, when sent, must be the application's own (its {@code Host}) or
 * an allowed origin ({@code csrf.origin});</li>
 * <li>a signed double-submit token: the token the plugin issued in a cookie must come
 * back in a header ({@code csrf.token-missing}), equal to the cookie and signed for the
 * current session cookie ({@code csrf.token-invalid}).</li>
 * </ol>
 * A token is {@code nonce.signature}, the signature an HMAC-SHA256 of the session
 * cookie's value and the nonce under the configured secret, so a token is worthless with
 * another session and cannot be forged without the secret. It is issued on any request
 * with a session cookie but no valid token cookie, and again with a refusal, so a page
 * can read it and retry. Comparisons are constant-time.
 *
 * <p>
 * Exempt: requests without a session cookie (not cookie-authenticated), requests carrying
 * an API key header or {@code Authorization: Bearer}, and the configured paths. A request
 * without a {@code Cookie} header costs one header lookup. Fails closed. Immutable and
 * thread-safe; each thread keeps its own {@link Mac}.
 *
 * @since 0.1.0
 */
public final class CsrfPlugin implements BeforeRequestPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "csrf";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final int NONCE_BYTES = 16;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> mac;

	private final SecureRandom random = new SecureRandom();

	private final String[] sessionCookies;

	private final String tokenCookie;

	private final String tokenHeader;

	private final String[] apiKeyHeaders;

	private final PathPattern[] exemptPaths;

	private final Set<String> allowedOrigins;

	private final String cookiePath;

	private final @Nullable String cookieDomain;

	private final @Nullable Boolean cookieSecure;

	private final String cookieSameSite;

	/**
	 * Create the plugin.
	 * @param config the secret, names and exemptions
	 */
	public CsrfPlugin(CsrfConfig config) {
		this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.mac = ThreadLocal.withInitial(this::newMac);
		newMac();
		this.sessionCookies = config.sessionCookies().toArray(String[]::new);
		this.tokenCookie = config.tokenCookie();
		this.tokenHeader = config.tokenHeader();
		this.apiKeyHeaders = config.apiKeyHeaders().toArray(String[]::new);
		this.exemptPaths = config.exemptPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toArray(PathPattern[]::new);
		this.allowedOrigins = Set.copyOf(config.allowedOrigins().stream().map(CsrfPlugin::normalise).toList());
		this.cookiePath = config.cookiePath();
		this.cookieDomain = config.cookieDomain();
		this.cookieSecure = config.cookieSecure();
		this.cookieSameSite = config.cookieSameSite();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.CSRF;
	}

	@Override
	public OnError onError() {
		return OnError.FAIL_CLOSED;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		String cookies = request.header(HttpHeaders.COOKIE);
		if (cookies == null) {
			return;
		}
		String session = sessionCookie(cookies);
		if (session == null) {
			return;
		}
		String cookieToken = cookie(cookies, this.tokenCookie);
		if (SAFE_METHODS.contains(request.method())) {
			if (cookieToken == null || !isSigned(cookieToken, session)) {
				issue(request, session);
			}
			return;
		}
		if (isExempt(request)) {
			return;
		}
		if ("cross-site".equalsIgnoreCase(request.header("Sec-Fetch-Site"))) {
			throw new Forbidden("csrf.cross-site",
					"Unsafe requests from another site are refused (Sec-Fetch-Site: cross-site).");
		}
		String origin = request.header(HttpHeaders.ORIGIN);
		if (origin != null && !isAllowedOrigin(origin, request)) {
			throw new Forbidden("csrf.origin", "Unsafe requests from origin '" + origin + "' are refused.");
		}
		String headerToken = request.header(this.tokenHeader);
		boolean cookieValid = cookieToken != null && isSigned(cookieToken, session);
		if (headerToken == null || cookieToken == null) {
			if (!cookieValid) {
				issue(request, session);
			}
			throw new Forbidden("csrf.token-missing",
					"This request is authenticated by a session cookie, so it needs the CSRF token: send the value of the '"
							+ this.tokenCookie + "' cookie in the '" + this.tokenHeader + "' header.");
		}
		if (!cookieValid || !constantTimeEquals(headerToken, cookieToken)) {
			if (!cookieValid) {
				issue(request, session);
			}
			throw new Forbidden("csrf.token-invalid",
					"The CSRF token in the '" + this.tokenHeader + "' header does not match the '" + this.tokenCookie
							+ "' cookie of this session; send the cookie's current value.");
		}
	}

	/**
	 * A token for a session, as the plugin would issue it.
	 * @param session the value of the session cookie
	 * @return the token
	 */
	public String tokenFor(String session) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		String encodedNonce = ENCODER.encodeToString(nonce);
		return encodedNonce + '.' + ENCODER.encodeToString(sign(session, encodedNonce));
	}

	private boolean isSigned(String token, String session) {
		int dot = token.indexOf('.');
		if (dot <= 0 || dot == token.length() - 1) {
			return false;
		}
		byte[] signature;
		try {
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(sign(session, token.substring(0, dot)), signature);
	}

	private byte[] sign(String session, String nonce) {
		Mac mac = this.mac.get();
		mac.update(session.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII));
	}

	private void issue(RequestContext request, String session) {
		boolean secure = (this.cookieSecure != null) ? this.cookieSecure : request.servletRequest().isSecure();
		ResponseCookie cookie = ResponseCookie.from(this.tokenCookie, tokenFor(session))
			.path(this.cookiePath)
			.domain(this.cookieDomain)
			.secure(secure)
			.sameSite(this.cookieSameSite)
			.build();
		request.servletResponse().addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private boolean isExempt(RequestContext request) {
		String authorization = request.header(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return true;
		}
		for (String header : this.apiKeyHeaders) {
			if (request.header(header) != null) {
				return true;
			}
		}
		if (this.exemptPaths.length > 0) {
			PathContainer path = PathContainer.parsePath(request.path());
			for (PathPattern pattern : this.exemptPaths) {
				if (pattern.matches(path)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean isAllowedOrigin(String origin, RequestContext request) {
		String normalised = normalise(origin);
		if (this.allowedOrigins.contains(normalised)) {
			return true;
		}
		String host = request.header(HttpHeaders.HOST);
		int scheme = normalised.indexOf("://");
		return host != null && scheme > 0 && normalised.substring(scheme + 3).equalsIgnoreCase(host);
	}

	private @Nullable String sessionCookie(String cookies) {
		for (String name : this.sessionCookies) {
			String value = cookie(cookies, name);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * The value of a cookie in a {@code Cookie} header, found without allocating unless
	 * it is there.
	 */
	static @Nullable String cookie(String header, String name) {
		int length = header.length();
		int start = 0;
		while (start < length) {
			while (start < length && (header.charAt(start) == ' ' || header.charAt(start) == ';')) {
				start++;
			}
			int end = header.indexOf(';', start);
			if (end < 0) {
				end = length;
			}
			int equals = start + name.length();
			if (equals < end && header.charAt(equals) == '=' && header.regionMatches(start, name, 0, name.length())) {
				String value = header.substring(equals + 1, end).trim();
				return (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"')
						? value.substring(1, value.length() - 1) : value;
			}
			start = end + 1;
		}
		return null;
	}

	private static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static String normalise(String origin) {
		String lower = origin.trim().toLowerCase(Locale.ROOT);
		return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "CsrfPlugin[tokenCookie=" + this.tokenCookie + ", tokenHeader=" + this.tokenHeader + "]";
	}

}
