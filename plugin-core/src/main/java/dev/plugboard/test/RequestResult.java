package dev.plugboard.test;

import java.io.UnsupportedEncodingException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.PluginException;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * What a plugin's before-request hook did to one {@link TestRequest}, as returned by
 * {@link PluginHarness#beforeRequest(TestRequest)}: whether it let the request through,
 * answered it, or rejected it, and the response headers, principal and attributes it set.
 * Use it to assert on what a client or the application would see.
 *
 * @since 0.1.0
 */
public final class RequestResult {

	private final RequestContext context;

	private final MockHttpServletResponse response;

	private final @Nullable PluginException rejection;

	RequestResult(RequestContext context, MockHttpServletResponse response, @Nullable PluginException rejection) {
		this.context = context;
		this.response = response;
		this.rejection = rejection;
	}

	/**
	 * Whether the request goes on to the application: no plugin rejected or answered it.
	 * @return whether the request passed
	 */
	public boolean passed() {
		return this.rejection == null && !this.context.responded();
	}

	/**
	 * Whether the plugin answered the request itself with
	 * {@link RequestContext#respond(int)}.
	 * @return whether the request was answered
	 */
	public boolean responded() {
		return this.context.responded();
	}

	/**
	 * The rejection the plugin threw, attributed to it as in production.
	 * @return the rejection, or {@code null} when the plugin did not reject
	 */
	public @Nullable PluginException rejection() {
		return this.rejection;
	}

	/**
	 * The response status: the rejection's, the one given to {@code respond}, or 200 when
	 * the request passed (the application would then choose the status).
	 * @return the status
	 */
	public int status() {
		return this.response.getStatus();
	}

	/**
	 * A response header: one set by the plugin, or one the rejection's answer carries
	 * (such as {@code Retry-After}). As in production, a rejection's answer keeps headers
	 * set before it.
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
	 * The response body: the {@code application/problem+json} answer to a rejection,
	 * empty otherwise.
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
	 * The principal the application would see: one the plugin set, or the request's own.
	 * @return the principal, or {@code null}
	 */
	public @Nullable Principal principal() {
		return this.context.principal();
	}

	/**
	 * A request attribute the application would see.
	 * @param name the attribute name
	 * @return the value, or {@code null}
	 */
	public @Nullable Object attribute(String name) {
		return this.context.attribute(name);
	}

	/**
	 * The request's correlation id: the one the plugin set, or one generated on first
	 * use.
	 * @return the request id
	 */
	public String requestId() {
		return this.context.requestId();
	}

	/**
	 * The servlet request as the rest of the filter chain would receive it, possibly
	 * wrapped by the plugin (to carry a principal or a cached body).
	 * @return the request
	 */
	public HttpServletRequest servletRequest() {
		return this.context.servletRequest();
	}

	/**
	 * The servlet response as the rest of the filter chain would receive it, possibly
	 * wrapped by the plugin: write to it as the application would.
	 * @return the response
	 */
	public HttpServletResponse servletResponse() {
		return this.context.servletResponse();
	}

	/**
	 * End the request as the filter does once the application has answered: run the
	 * callbacks the plugin registered with {@link RequestContext#onComplete(Runnable)}.
	 * @return this result
	 */
	public RequestResult complete() {
		if (this.context instanceof ServletRequestContext servletContext) {
			servletContext.complete();
		}
		return this;
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
		if (this.rejection != null) {
			return "rejected " + this.rejection;
		}
		return this.context.responded() ? "responded " + status() : "passed";
	}

}
