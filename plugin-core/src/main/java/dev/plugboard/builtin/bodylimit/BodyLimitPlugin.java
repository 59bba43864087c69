package dev.plugboard.builtin.bodylimit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.OnError;
import dev.plugboard.PayloadTooLarge;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * Refuses request bodies over a size limit with a 413 {@link PayloadTooLarge} problem: at
 * once when the declared {@code Content-Length} is over the limit (before a byte of the
 * body is read), and while the body is read when its length is not declared (a chunked
 * body), as soon as it passes the limit. Limits apply per Spring path pattern, the first
 * matching one winning, with a default for every other path.
 *
 * <p>
 * A request without a body costs two header reads and allocates nothing; a body of
 * declared length within the limit is not wrapped (the server enforces the declared
 * length). Only a body of unknown length is read through a counting stream; the 413
 * raised there reaches the client through Spring MVC's exception handling or, outside it,
 * the plugin filter. Parameters the servlet container parses from a chunked form body
 * ({@code getParameter}) bypass the stream; the container's own
 * {@code max-http-form-post-size} bounds those. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class BodyLimitPlugin implements BeforeRequestPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "body-limit";

	private final long maxSize;

	private final PathPattern[] patterns;

	private final long[] limits;

	/**
	 * Create the plugin with the defaults: 1 MiB for every path.
	 */
	public BodyLimitPlugin() {
		this(BodyLimitConfig.defaults());
	}

	/**
	 * Create the plugin.
	 * @param config the default limit and the limits per path pattern
	 * @throws PluginConfigurationException when a path pattern does not parse
	 */
	public BodyLimitPlugin(BodyLimitConfig config) {
		this.maxSize = config.maxSize();
		List<BodyLimitConfig.Limit> limits = config.limits();
		this.patterns = new PathPattern[limits.size()];
		this.limits = new long[limits.size()];
		PathPatternParser parser = new PathPatternParser();
		for (int i = 0; i < limits.size(); i++) {
			BodyLimitConfig.Limit limit = limits.get(i);
			try {
				this.patterns[i] = parser.parse(limit.path());
			}
			catch (PatternParseException ex) {
				throw new PluginConfigurationException("limits[" + i + "].path",
						"'" + limit.path() + "' is not a Spring path pattern: " + ex.getMessage()
								+ ". Use a pattern such as /uploads/**.");
			}
			this.limits[i] = limit.maxSize();
		}
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * After rate limiting, before authentication, so that an oversized body is refused
	 * before any work is spent on it.
	 */
	@Override
	public int order() {
		return PluginOrder.RATE_LIMIT + 50;
	}

	@Override
	public OnError onError() {
		return OnError.FAIL_CLOSED;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		HttpServletRequest servletRequest = request.servletRequest();
		long length = servletRequest.getContentLengthLong();
		if (length < 0 && !mayHaveBodyOfUnknownLength(servletRequest)) {
			return;
		}
		long limit = limitFor(request);
		if (length > limit) {
			throw new PayloadTooLarge(limit);
		}
		if (length < 0) {
			request.wrapRequest((current) -> new LimitedRequest(current, limit));
		}
	}

	private static boolean mayHaveBodyOfUnknownLength(HttpServletRequest request) {
		if (request.getHeader("Transfer-Encoding") != null) {
			return true;
		}
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "DELETE".equals(method)
				|| "TRACE".equals(method));
	}

	/**
	 * The limit for a request's path.
	 * @param request the request
	 * @return the largest body accepted, in bytes
	 */
	long limitFor(RequestContext request) {
		if (this.patterns.length == 0) {
			return this.maxSize;
		}
		PathContainer path = PathContainer.parsePath(request.path());
		for (int i = 0; i < this.patterns.length; i++) {
			if (this.patterns[i].matches(path)) {
				return this.limits[i];
			}
		}
		return this.maxSize;
	}

	private static PayloadTooLarge tooLarge(long limit) {
		return (PayloadTooLarge) new PayloadTooLarge(limit).attributeTo(ID);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable LimitedInputStream stream;

		private @Nullable BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			LimitedInputStream stream = this.stream;
			if (stream == null) {
				stream = new LimitedInputStream(super.getInputStream(), this.limit);
				this.stream = stream;
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			BufferedReader reader = this.reader;
			if (reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
				this.reader = reader;
			}
			return reader;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		@Override
		public int readLine(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.readLine(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int bytes) {
			this.count += bytes;
			if (this.count > this.limit) {
				throw tooLarge(this.limit);
			}
		}

		@Override
		public int available() throws IOException {
			return this.delegate.available();
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
