package dev.plugboard;

/**
 * A hook that runs in a servlet filter on every request, before Spring Security and
 * before the request reaches a controller or route. Use it for cross-cutting request
 * concerns: correlation ids, CORS, rate limits, authentication, response headers.
 *
 * <p>
 * Reject a request by throwing a {@link PluginException}; answer it yourself (a CORS
 * preflight) with {@link RequestContext#respond(int)}. The hook runs on the request
 * thread and must not block for long; it is called concurrently from many threads.
 *
 * @since 0.1.0
 */
public interface BeforeRequestPlugin extends Plugin {

	/**
	 * Inspect or adapt the request before it is dispatched.
	 * @param request the current request, valid only during this call
	 * @throws PluginException to reject the request with the exception's status
	 */
	void beforeRequest(RequestContext request);

}
