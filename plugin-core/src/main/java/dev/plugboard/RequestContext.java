package dev.plugboard;

import java.security.Principal;
import java.util.Collection;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The current HTTP request as a {@link BeforeRequestPlugin} sees it, and as write hooks
 * see it through {@link WriteContext#request()} when a write happens inside a request.
 *
 * <p>
 * A context belongs to one request and one thread; do not keep it after the hook returns.
 *
 * @since 0.1.0
 */
public interface RequestContext {

	/** Request attribute under which the current context is stored. */
	String ATTRIBUTE = RequestContext.class.getName();

	/**
	 * The HTTP method, upper case.
	 * @return the method, such as {@code GET}
	 */
	String method();

	/**
	 * The request path within the application, without the context path and query string.
	 * @return the path, starting with {@code /}
	 */
	String path();

	/**
	 * The first value of a request header.
	 * @param name the header name, case-insensitive
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String header(String name);

	/**
	 * The address of the client or of the last proxy, as the servlet container reports
	 * it.
	 * @return the remote IP address
	 */
	String remoteAddress();

	/**
	 * The authenticated principal, if any plugin or the container set one. In hooks that
	 * run later in the request (write hooks, routes) this is also the user a security
	 * filter behind Plugboard's (Spring Security's) authenticated.
	 * @return the principal, or {@code null}
	 */
	@Nullable Principal principal();

	/**
	 * Authenticate the request: later plugins, filters and controllers see this principal
	 * through {@link HttpServletRequest#getUserPrincipal()}.
	 * @param principal the principal
	 */
	void setPrincipal(Principal principal);

	/**
	 * Authenticate the request with roles: later plugins, filters and controllers see the
	 * principal, and {@link HttpServletRequest#isUserInRole(String)} answers from these
	 * roles (an API-key plugin granting {@code AUDITOR}, say).
	 * @param principal the principal
	 * @param roles the roles granted, without a {@code ROLE_} prefix
	 */
	void setPrincipal(Principal principal, Collection<String> roles);

	/**
	 * Whether the current user has a role: the roles given to
	 * {@link #setPrincipal(Principal, Collection)}, else the container's or Spring
	 * Security's answer.
	 * @param role the role, without a {@code ROLE_} prefix
	 * @return whether the user has it
	 */
	boolean isUserInRole(String role);

	/**
	 * A request attribute.
	 * @param name the attribute name
	 * @return the value, or {@code null}
	 */
	@Nullable Object attribute(String name);

	/**
	 * Set a request attribute, visible to later plugins and to the application.
	 * @param name the attribute name
	 * @param value the value
	 */
	void setAttribute(String name, Object value);

	/**
	 * The correlation id of this request: the one a plugin set with
	 * {@link #setRequestId(String)}, or one generated on first use. It names the request
	 * in logs and in 500 problem bodies.
	 * @return the request id
	 */
	String requestId();

	/**
	 * Set the correlation id of this request (the request-id plugin does this).
	 * @param requestId a safe token
	 */
	void setRequestId(String requestId);

	/**
	 * Set a response header, replacing any value already set.
	 * @param name the header name
	 * @param value the value
	 */
	void setResponseHeader(String name, String value);

	/**
	 * Answer the request now with the given status and the response headers set so far;
	 * the remaining plugins and the application are skipped. Use it for answers that are
	 * not errors, such as a CORS preflight's 204; reject with a {@link PluginException}
	 * instead.
	 * @param status the HTTP status
	 */
	void respond(int status);

	/**
	 * Whether a plugin answered the request with {@link #respond(int)}.
	 * @return whether the request was answered
	 */
	boolean responded();

	/**
	 * The request body, read into memory once and replayed to the application. Only
	 * plugins that must see the raw bytes (signature checks) should call it: it buffers
	 * the whole body.
	 * @param maxBytes the largest body accepted
	 * @return the body bytes, empty when there is none
	 * @throws PayloadTooLarge when the body is larger than {@code maxBytes}
	 */
	byte[] cachedBody(int maxBytes);

	/**
	 * The servlet request, for Spring utilities that need it (such as a
	 * {@code CorsProcessor}). Prefer the methods above.
	 * @return the current servlet request
	 */
	HttpServletRequest servletRequest();

	/**
	 * The servlet response, for Spring utilities that need it. Prefer the methods above.
	 * @return the current servlet response
	 */
	HttpServletResponse servletResponse();

	/**
	 * Wrap the servlet request that later plugins, the rest of the filter chain and the
	 * application see. Use it to change how the request is read, such as a body stream
	 * that stops at a limit; use {@link #setPrincipal(Principal)} and
	 * {@link #cachedBody(int)} for what they cover. Wrappers nest: the last one applied
	 * is the outermost. Nothing is allocated for a request no plugin wraps.
	 * @param wrapper given the current request, returns its wrapper (usually an
	 * {@link jakarta.servlet.http.HttpServletRequestWrapper})
	 */
	void wrapRequest(UnaryOperator<HttpServletRequest> wrapper);

	/**
	 * Wrap the servlet response that later plugins, the rest of the filter chain, the
	 * application and the problem answers of later rejections write to. Use it to act on
	 * what the application writes, such as adding headers only when the application did
	 * not set them, at the moment the response is committed. Wrappers nest: the last one
	 * applied is the outermost. Prefer {@link #setResponseHeader(String, String)} for a
	 * header that is always the plugin's.
	 * @param wrapper given the current response, returns its wrapper (usually an
	 * {@link jakarta.servlet.http.HttpServletResponseWrapper})
	 */
	void wrapResponse(UnaryOperator<HttpServletResponse> wrapper);

	/**
	 * Run a callback once the request is over: after the application answered, after a
	 * rejection was written, or after a plugin answered with {@link #respond(int)}. Use
	 * it to undo thread-bound state a hook set up, such as a logging MDC entry, or to
	 * finish a response wrapper. Callbacks run on the request thread, in the reverse
	 * order of registration; one that throws is logged and the others still run. For an
	 * asynchronous request they run when the filter returns, before the async work
	 * completes. In the test harness, {@code RequestResult.complete()} runs them.
	 * @param callback what to run; prefer a callback created once per plugin to one
	 * created per request
	 */
	void onComplete(Runnable callback);

}
