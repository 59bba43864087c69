package dev.plugboard.autoconfigure.csrf;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code csrf} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.csrf")
public class CsrfProperties {

	/**
	 * Secret the tokens are signed with (HMAC-SHA256), at least 32 characters, the same
	 * on every instance. Required. Take it from the environment, such as ${CSRF_SECRET},
	 * never from the repository.
	 */
	private @Nullable String secret;

	/**
	 * Cookies that authenticate a request. A request without any of them is not
	 * cookie-authenticated and is not checked.
	 */
	private List<String> sessionCookies = new ArrayList<>(List.of("JSESSIONID", "SESSION"));

	/**
	 * Cookie the token is issued in, readable by the page's scripts.
	 */
	private String tokenCookie = "XSRF-TOKEN";

	/**
	 * Request header the page sends the token back in.
	 */
	private String tokenHeader = "X-XSRF-TOKEN";

	/**
	 * Request headers that authenticate a request by API key. A request carrying one, or
	 * 'Authorization: Bearer', is not checked.
	 */
	private List<String> apiKeyHeaders = new ArrayList<>(List.of("X-Api-Key"));

	/**
	 * Path patterns that are never checked, such as webhook receivers ('/webhooks/**').
	 */
	private List<String> exemptPaths = new ArrayList<>();

	/**
	 * Origins allowed to send unsafe requests besides the application's own (the Host it
	 * is called by), such as a front end on another host.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Path of the token cookie.
	 */
	private String cookiePath = "/";

	/**
	 * Domain of the token cookie, such as 'example.com', so that a front end on a sibling
	 * host can read it. By default the cookie is for the request's host only.
	 */
	private @Nullable String cookieDomain;

	/**
	 * Whether the token cookie is marked Secure. By default it follows the request:
	 * Secure over HTTPS.
	 */
	private @Nullable Boolean cookieSecure;

	/**
	 * SameSite attribute of the token cookie.
	 */
	private String cookieSameSite = "Lax";

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public List<String> getSessionCookies() {
		return this.sessionCookies;
	}

	public void setSessionCookies(List<String> sessionCookies) {
		this.sessionCookies = sessionCookies;
	}

	public String getTokenCookie() {
		return this.tokenCookie;
	}

	public void setTokenCookie(String tokenCookie) {
		this.tokenCookie = tokenCookie;
	}

	public String getTokenHeader() {
		return this.tokenHeader;
	}

	public void setTokenHeader(String tokenHeader) {
		this.tokenHeader = tokenHeader;
	}

	public List<String> getApiKeyHeaders() {
		return this.apiKeyHeaders;
	}

	public void setApiKeyHeaders(List<String> apiKeyHeaders) {
		this.apiKeyHeaders = apiKeyHeaders;
	}

	public List<String> getExemptPaths() {
		return this.exemptPaths;
	}

	public void setExemptPaths(List<String> exemptPaths) {
		this.exemptPaths = exemptPaths;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public String getCookiePath() {
		return this.cookiePath;
	}

	public void setCookiePath(String cookiePath) {
		this.cookiePath = cookiePath;
	}

	public @Nullable String getCookieDomain() {
		return this.cookieDomain;
	}

	public void setCookieDomain(@Nullable String cookieDomain) {
		this.cookieDomain = cookieDomain;
	}

	public @Nullable Boolean getCookieSecure() {
		return this.cookieSecure;
	}

	public void setCookieSecure(@Nullable Boolean cookieSecure) {
		this.cookieSecure = cookieSecure;
	}

	public String getCookieSameSite() {
		return this.cookieSameSite;
	}

	public void setCookieSameSite(String cookieSameSite) {
		this.cookieSameSite = cookieSameSite;
	}

}
