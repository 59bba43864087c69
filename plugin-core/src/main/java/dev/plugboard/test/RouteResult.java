package dev.plugboard.test;

import java.io.UnsupportedEncodingException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.PluginException;

/**
 * How a route plugin answered one {@link TestRequest}, as returned by
 * {@link PluginHarness#route(TestRequest)}: the status, headers and body a client would
 * get, or that none of the plugin's routes matched. Use it to assert on a plugin's
 * endpoints.
 *
 * @since 0.1.0
 */
public final class RouteResult {

	private final boolean matched;

	private final MockHttpServletResponse response;

	private final @Nullable PluginException rejection;

	RouteResult(boolean matched, MockHttpServletResponse response, @Nullable PluginException rejection) {
		this.matched = matched;
		this.response = response;
		this.rejection = rejection;
	}

	/**
	 * Whether one of the plugin's routes matched the request. When none did, the
	 * application would answer 404 (or route the request elsewhere), and
	 * {@link #status()} is 404.
	 * @return whether a route matched
	 */
	public boolean matched() {
		return this.matched;
	}

	/**
	 * The rejection the route's handler threw, attributed to the plugin as in production.
	 * @return the rejection, or {@code null}
	 */
	public @Nullable PluginException rejection() {
		return this.rejection;
	}

	/**
	 * The response status.
	 * @return the status
	 */
	public int status() {
		return this.response.getStatus();
	}

	/**
	 * A response header.
	 * @param name the header name, case-insensitive
	 * @return the first value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.response.getHeader(name);
	}

	/**
	 * Every value of a response header.
	 * @param name the header name, case-insensitive
	 * @return the values, empty when absent
	 */
	public List<String> headers(String name) {
		return this.response.getHeaders(name);
	}

	/**
	 * The response's {@code Content-Type}.
	 * @return the content type, or {@code null}
	 */
	public @Nullable String contentType() {
		return this.response.getContentType();
	}

	/**
	 * The response body as text, written with the message converters found on the
	 * classpath (JSON when Jackson is present), or the problem+json answer to a
	 * rejection.
	 * @return the body
	 */
	public String body() {
		try {
			return this.response.getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The mock response, for assertions this class does not offer.
	 * @return the response
	 */
	public MockHttpServletResponse response() {
		return this.response;
	}

	@Override
	public String toString() {
		if (!this.matched) {
			return "no route matched";
		}
		return (this.rejection != null) ? "rejected " + this.rejection : "answered " + status();
	}

}
