package dev.plugboard.runtime.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.plugboard.PluginException;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.ProblemResponses;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * The servlet filter that runs the before-request hooks of the enabled plugins, once per
 * client request. Register it ahead of Spring Security's filter chain so that plugins can
 * answer, reject or authenticate a request before security decides about it.
 *
 * <p>
 * Per request it creates a {@link ServletRequestContext} (stored as the request attribute
 * {@link RequestContext#ATTRIBUTE}, where write hooks find it), runs the hooks, then
 * continues the chain with the context's request, which a plugin may have wrapped. A
 * rejection is answered with its problem+json body; a fault of a fail-closed plugin with
 * a 500 problem body naming the plugin and the correlation id; a request a plugin
 * answered with {@link RequestContext#respond(int)} goes no further. Problem answers go
 * through the response as plugins wrapped it, and a rejection that escapes the rest of
 * the chain (thrown by a wrapped body stream outside Spring MVC) is answered the same
 * way. When the request is over, in every case, the callbacks plugins registered with
 * {@link RequestContext#onComplete(Runnable)} run. When no enabled plugin has a
 * before-request hook the filter passes requests straight through and creates nothing.
 *
 * <p>
 * Like every {@link OncePerRequestFilter}, it skips the async and error re-dispatches of
 * a request and nested forwards and includes, so the hooks run once per client request
 * whatever dispatcher types it is registered for. Thread-safe.
 *
 * @since 0.1.0
 */
public final class PluginRequestFilter extends OncePerRequestFilter {

	private final PluginRuntime runtime;

	private @Nullable String alreadyFilteredAttributeName;

	/**
	 * Create a filter.
	 * @param runtime the dispatcher of the hooks
	 */
	public PluginRequestFilter(PluginRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	protected void initFilterBean() {
		this.alreadyFilteredAttributeName = super.getAlreadyFilteredAttributeName();
	}

	@Override
	protected String getAlreadyFilteredAttributeName() {
		String name = this.alreadyFilteredAttributeName;
		return (name != null) ? name : super.getAlreadyFilteredAttributeName();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.runtime.hasBeforeRequestHooks();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ServletRequestContext context = new ServletRequestContext(request, response);
		try {
			try {
				this.runtime.beforeRequest(context);
			}
			catch (PluginException ex) {
				ProblemResponses.write(context.servletResponse(), ex, request.getRequestURI());
				return;
			}
			catch (PluginFaultException ex) {
				ProblemResponses.write(context.servletResponse(), ex, request.getRequestURI());
				return;
			}
			if (context.responded()) {
				return;
			}
			try {
				chain.doFilter(context.servletRequest(), context.servletResponse());
			}
			catch (PluginException ex) {
				// Raised outside Spring MVC, such as by a wrapped body stream read in a
				// later filter
				ProblemResponses.write(context.servletResponse(), ex, request.getRequestURI());
			}
		}
		finally {
			context.complete();
		}
	}

}
