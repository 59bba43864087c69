package dev.plugboard.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.plugboard.PayloadTooLarge;
import dev.plugboard.RequestContext;

/**
 * The {@link RequestContext} over a servlet request and response. The filter passes
 * {@link #servletRequest()} down the chain, because a plugin may have wrapped it (to set
 * the principal or replay a cached body).
 */
public final class ServletRequestContext implements RequestContext {

	private static final String REQUEST_ID_ATTRIBUTE = RequestContext.class.getName() + ".requestId";

	private HttpServletRequest request;

	private static final Logger logger = LoggerFactory.getLogger(ServletRequestContext.class);

	private HttpServletResponse response;

	private boolean responded;

	/**
	 * The completion callbacks: none, one {@link Runnable}, or a {@code Runnable[]}
	 * filled from the start (one field, so that the context stays as small as before
	 * them).
	 */
	private @Nullable Object completions;

	private byte @Nullable [] body;

	/**
	 * Create a context and store it as the request attribute
	 * {@link RequestContext#ATTRIBUTE}.
	 * @param request the request
	 * @param response the response
	 */
	public ServletRequestContext(HttpServletRequest request, HttpServletResponse response) {
		this.request = request;
		this.response = response;
		request.setAttribute(ATTRIBUTE, this);
	}

	/**
	 * The context stored on a request, or a new one when no filter created it.
	 * @param request the request
	 * @param response the response, if known
	 * @return the context, or {@code null} when none exists and there is no response to
	 * build one
	 */
	public static @Nullable RequestContext of(HttpServletRequest request, @Nullable HttpServletResponse response) {
		Object existing = request.getAttribute(ATTRIBUTE);
		if (existing instanceof RequestContext context) {
			return context;
		}
		return (response != null) ? new ServletRequestContext(request, response) : null;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String path() {
		String uri = this.request.getRequestURI();
		String contextPath = this.request.getContextPath();
		String path = (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
		return path.isEmpty() ? "/" : path;
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public String remoteAddress() {
		return this.request.getRemoteAddr();
	}

	@Override
	public @Nullable Principal principal() {
		Principal principal = this.request.getUserPrincipal();
		if (principal == null) {
			HttpServletRequest downstream = downstreamRequest();
			return (downstream != null) ? downstream.getUserPrincipal() : null;
		}
		return principal;
	}

	@Override
	public void setPrincipal(Principal principal) {
		this.request = new PrincipalRequest(this.request, principal, null);
	}

	@Override
	public void setPrincipal(Principal principal, Collection<String> roles) {
		this.request = new PrincipalRequest(this.request, principal, Set.copyOf(roles));
	}

	@Override
	public boolean isUserInRole(String role) {
		if (this.request.isUserInRole(role)) {
			return true;
		}
		HttpServletRequest downstream = downstreamRequest();
		return downstream != null && this.request.getUserPrincipal() == null && downstream.isUserInRole(role);
	}

	/**
	 * The request Spring MVC bound to the thread, when it is not the one this context
	 * holds. Plugboard's filter runs ahead of Spring Security's, so hooks that run later
	 * in the request (write hooks, routes) find the user Security authenticated only on
	 * that wrapped request.
	 */
	private @Nullable HttpServletRequest downstreamRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes bound
				&& bound.getRequest() != this.request) {
			return bound.getRequest();
		}
		return null;
	}

	@Override
	public @Nullable Object attribute(String name) {
		return this.request.getAttribute(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		this.request.setAttribute(name, value);
	}

	@Override
	public String requestId() {
		Object id = this.request.getAttribute(REQUEST_ID_ATTRIBUTE);
		if (id instanceof String string) {
			return string;
		}
		String generated = UUID.randomUUID().toString();
		this.request.setAttribute(REQUEST_ID_ATTRIBUTE, generated);
		return generated;
	}

	@Override
	public void setRequestId(String requestId) {
		this.request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
	}

	@Override
	public void setResponseHeader(String name, String value) {
		this.response.setHeader(name, value);
	}

	@Override
	public void respond(int status) {
		this.response.setStatus(status);
		this.responded = true;
	}

	@Override
	public boolean responded() {
		return this.responded;
	}

	@Override
	public byte[] cachedBody(int maxBytes) {
		if (this.body != null) {
			if (this.body.length > maxBytes) {
				throw new PayloadTooLarge(maxBytes);
			}
			return this.body;
		}
		long declared = this.request.getContentLengthLong();
		if (declared > maxBytes) {
			throw new PayloadTooLarge(maxBytes);
		}
		byte[] bytes;
		try (InputStream in = this.request.getInputStream()) {
			bytes = in.readNBytes(maxBytes + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the request body", ex);
		}
		if (bytes.length > maxBytes) {
			throw new PayloadTooLarge(maxBytes);
		}
		this.body = bytes;
		this.request = new CachedBodyRequest(this.request, bytes);
		return bytes;
	}

	@Override
	public void wrapRequest(UnaryOperator<HttpServletRequest> wrapper) {
		this.request = wrapper.apply(this.request);
	}

	@Override
	public void wrapResponse(UnaryOperator<HttpServletResponse> wrapper) {
		this.response = wrapper.apply(this.response);
	}

	@Override
	public void onComplete(Runnable callback) {
		Object current = this.completions;
		if (current == null) {
			this.completions = callback;
		}
		else if (current instanceof Runnable single) {
			Runnable[] many = new Runnable[4];
			many[0] = single;
			many[1] = callback;
			this.completions = many;
		}
		else {
			Runnable[] many = (Runnable[]) current;
			int count = count(many);
			if (count == many.length) {
				many = Arrays.copyOf(many, count * 2);
				this.completions = many;
			}
			many[count] = callback;
		}
	}

	private static int count(Runnable[] many) {
		int count = 0;
		while (count < many.length && many[count] != null) {
			count++;
		}
		return count;
	}

	/**
	 * Run the callbacks registered with {@link #onComplete(Runnable)}, last registered
	 * first, each once; a callback that throws is logged and the others still run. The
	 * filter calls it when the request is over.
	 */
	public void complete() {
		Object current = this.completions;
		this.completions = null;
		if (current instanceof Runnable single) {
			run(single);
		}
		else if (current instanceof Runnable[] many) {
			for (int i = count(many) - 1; i >= 0; i--) {
				run(many[i]);
			}
		}
	}

	private static void run(@Nullable Runnable callback) {
		if (callback == null) {
			return;
		}
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			logger.error("A request completion callback failed", ex);
		}
	}

	@Override
	public HttpServletRequest servletRequest() {
		return this.request;
	}

	@Override
	public HttpServletResponse servletResponse() {
		return this.response;
	}

	private static final class PrincipalRequest extends HttpServletRequestWrapper {

		private final Principal principal;

		private final @Nullable Set<String> roles;

		PrincipalRequest(HttpServletRequest request, Principal principal, @Nullable Set<String> roles) {
			super(request);
			this.principal = principal;
			this.roles = roles;
		}

		@Override
		public boolean isUserInRole(String role) {
			return (this.roles != null) ? this.roles.contains(role) : super.isUserInRole(role);
		}

		@Override
		public Principal getUserPrincipal() {
			return this.principal;
		}

		@Override
		public String getRemoteUser() {
			return this.principal.getName();
		}

	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Replayed bodies are read synchronously");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			java.nio.charset.Charset charset = (encoding != null) ? java.nio.charset.Charset.forName(encoding)
					: java.nio.charset.StandardCharsets.UTF_8;
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
