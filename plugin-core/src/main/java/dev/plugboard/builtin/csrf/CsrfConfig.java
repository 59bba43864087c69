package dev.plugboard.builtin.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link CsrfPlugin}.
 *
 * @param secret the key the tokens are signed with (HMAC-SHA256), at least
 * {@value #MIN_SECRET_LENGTH} bytes; the same on every instance of the application
 * @param sessionCookies the cookies that authenticate a request; a request with none of
 * them is not cookie-authenticated and is not checked
 * @param tokenCookie the cookie the token is issued in, readable by the page's scripts
 * @param tokenHeader the request header the page sends the token back in
 * @param apiKeyHeaders request headers that authenticate a request by API key; a request
 * carrying one is exempt, as is one with {@code Authorization: Bearer}
 * @param exemptPaths path patterns that are never checked, such as webhook receivers
 * @param allowedOrigins origins allowed to send unsafe requests besides the application's
 * own
 * @param cookiePath the path of the token cookie
 * @param cookieDomain the domain of the token cookie, so that pages on sibling hosts
 * ({@code app.example.com} for {@code api.example.com}) can read it; {@code null} for the
 * request's host only
 * @param cookieSecure whether the token cookie is {@code Secure}; {@code null} to follow
 * the request (secure over HTTPS)
 * @param cookieSameSite the {@code SameSite} attribute of the token cookie
 * @since 0.1.0
 */
public record CsrfConfig(String secret, List<String> sessionCookies, String tokenCookie, String tokenHeader,
		List<String> apiKeyHeaders, List<String> exemptPaths, List<String> allowedOrigins, String cookiePath,
		@Nullable String cookieDomain, @Nullable Boolean cookieSecure, String cookieSameSite) {

	/** The shortest secret accepted, in bytes. */
	public static final int MIN_SECRET_LENGTH = 32;

	/** The default session cookies: the servlet container's and Spring Session's. */
	public static final List<String> DEFAULT_SESSION_COOKIES = List.of("JSESSIONID", "SESSION");

	/** The default token cookie, as Angular and Spring Security name it. */
	public static final String DEFAULT_TOKEN_COOKIE = "XSRF-TOKEN";

	/** The default token header, as Angular and Spring Security name it. */
	public static final String DEFAULT_TOKEN_HEADER = "X-XSRF-TOKEN";

	/** The default API key header. */
	public static final List<String> DEFAULT_API_KEY_HEADERS = List.of("X-Api-Key");

	/**
	 * Check the secret and the patterns, and copy the lists.
	 * @throws PluginConfigurationException when the secret is missing or short, a name is
	 * blank or a path pattern does not parse
	 */
	public CsrfConfig {
		if (secret == null || secret.isBlank()) {
			throw new PluginConfigurationException("secret",
					"The CSRF tokens are signed with a secret. Set 'secret' to at least " + MIN_SECRET_LENGTH
							+ " random characters, the same on every instance, from the environment rather than "
							+ "the repository: secret: ${CSRF_SECRET} (generate one with: openssl rand -base64 48).");
		}
		if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
			throw new PluginConfigurationException("secret",
					"The secret is too short to sign tokens safely: use at least " + MIN_SECRET_LENGTH
							+ " random characters (generate one with: openssl rand -base64 48).");
		}
		sessionCookies = List.copyOf(sessionCookies);
		if (sessionCookies.isEmpty()) {
			throw new PluginConfigurationException("session-cookies",
					"Name the cookies that authenticate a request, such as JSESSIONID.");
		}
		requireName("token-cookie", tokenCookie);
		requireName("token-header", tokenHeader);
		requireName("cookie-path", cookiePath);
		requireName("cookie-same-site", cookieSameSite);
		if (cookieDomain != null && cookieDomain.isBlank()) {
			cookieDomain = null;
		}
		apiKeyHeaders = List.copyOf(apiKeyHeaders);
		exemptPaths = List.copyOf(exemptPaths);
		allowedOrigins = List.copyOf(allowedOrigins);
		for (String path : exemptPaths) {
			try {
				PathPatternParser.defaultInstance.parse(path);
			}
			catch (PatternParseException ex) {
				throw new PluginConfigurationException("exempt-paths", "'" + path + "' is not a path pattern: "
						+ ex.getMessage() + ". Write patterns such as /webhooks/**.");
			}
		}
	}

	/**
	 * A configuration with the defaults and a secret.
	 * @param secret the signing secret
	 * @return the configuration
	 */
	public static CsrfConfig withSecret(String secret) {
		return new CsrfConfig(secret, DEFAULT_SESSION_COOKIES, DEFAULT_TOKEN_COOKIE, DEFAULT_TOKEN_HEADER,
				DEFAULT_API_KEY_HEADERS, List.of(), List.of(), "/", null, null, "Lax");
	}

	/**
	 * This configuration with exempt paths.
	 * @param paths the path patterns
	 * @return a new configuration
	 */
	public CsrfConfig withExemptPaths(String... paths) {
		return new CsrfConfig(this.secret, this.sessionCookies, this.tokenCookie, this.tokenHeader, this.apiKeyHeaders,
				List.of(paths), this.allowedOrigins, this.cookiePath, this.cookieDomain, this.cookieSecure,
				this.cookieSameSite);
	}

	/**
	 * This configuration with other allowed origins.
	 * @param origins the origins
	 * @return a new configuration
	 */
	public CsrfConfig withAllowedOrigins(String... origins) {
		return new CsrfConfig(this.secret, this.sessionCookies, this.tokenCookie, this.tokenHeader, this.apiKeyHeaders,
				this.exemptPaths, List.of(origins), this.cookiePath, this.cookieDomain, this.cookieSecure,
				this.cookieSameSite);
	}

	private static void requireName(String key, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new PluginConfigurationException(key, "'" + key + "' must not be blank.");
		}
	}

	@Override
	public String toString() {
		return "CsrfConfig[secret=(hidden), sessionCookies=" + this.sessionCookies + ", tokenCookie=" + this.tokenCookie
				+ ", tokenHeader=" + this.tokenHeader + ", exemptPaths=" + this.exemptPaths + "]";
	}

}
