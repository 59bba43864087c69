package dev.plugboard.builtin.cors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.Forbidden;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * Cross-origin resource sharing, decided by Spring's {@link CorsConfiguration} and
 * {@link DefaultCorsProcessor}: a preflight from an allowed origin is answered with 204
 * and the {@code Access-Control-*} headers without reaching the application; an actual
 * request from an allowed origin goes on with them. A disallowed origin gets no CORS
 * header: its preflight is refused with a 403 problem body (code {@code cors.origin},
 * {@code cors.method} or {@code cors.headers}, naming the failed check) and its actual
 * request goes on without them, so the browser withholds the answer from the page. Every
 * response carries {@code Vary: Origin}.
 *
 * <p>
 * The rules are resolved and their path patterns parsed at construction; a request
 * without an {@code Origin} header costs one header lookup and the {@code Vary} header. A
 * path that no rule covers is left to the application. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CorsPlugin implements BeforeRequestPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "cors";

	private static final int KNOWN_ORIGINS_LIMIT = 1024;

	private static final String[] VARY_VALUES = { HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
			HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS };

	private static final String VARY = String.join(", ", VARY_VALUES);

	private final PathPattern[][] paths;

	private final CorsConfiguration[] configurations;

	/** Whether the only rule covers every path, so no path needs matching. */
	private final boolean everyPath;

	/**
	 * Per rule, what an origin seen before gets on an actual request; bounded, past the
	 * bound an origin takes the processor's way.
	 */
	private final Map<String, KnownOrigin>[] knownOrigins;

	/** The exposed headers of each rule as one header value, or {@code null}. */
	private final @Nullable String[] exposedHeaders;

	private final Processor processor = new Processor();

	/**
	 * Create the plugin.
	 * @param config the rules
	 */
	public CorsPlugin(CorsConfig config) {
		List<CorsConfig.Rule> rules = config.resolved();
		this.paths = new PathPattern[rules.size()][];
		this.configurations = new CorsConfiguration[rules.size()];
		this.knownOrigins = knownOrigins(rules.size());
		this.exposedHeaders = new String[rules.size()];
		for (int i = 0; i < rules.size(); i++) {
			CorsConfig.Rule rule = rules.get(i);
			this.paths[i] = parse(rule.paths());
			this.configurations[i] = configuration(rule);
			this.knownOrigins[i] = new ConcurrentHashMap<>();
			List<String> exposed = this.configurations[i].getExposedHeaders();
			this.exposedHeaders[i] = (exposed == null || exposed.isEmpty()) ? null : String.join(", ", exposed);
		}
		this.everyPath = rules.size() == 1 && this.paths[0].length == 1
				&& "/**".equals(this.paths[0][0].getPatternString());
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.CORS;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		HttpServletResponse response = request.servletResponse();
		String origin = request.header(HttpHeaders.ORIGIN);
		int rule = (origin != null) ? ruleFor(request.path()) : -1;
		if (rule < 0) {
			if (!response.containsHeader(HttpHeaders.VARY)
					|| !response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.ORIGIN)) {
				response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
			}
			return;
		}
		CorsConfiguration configuration = this.configurations[rule];
		HttpServletRequest servletRequest = request.servletRequest();
		if (!CorsUtils.isPreFlightRequest(servletRequest) && actualRequest(rule, origin, servletRequest, response)) {
			return;
		}
		boolean allowed;
		try {
			allowed = this.processor.processRequest(configuration, servletRequest, response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!CorsUtils.isPreFlightRequest(servletRequest)) {
			return;
		}
		if (!allowed) {
			throw rejection(configuration, servletRequest, origin);
		}
		if (response.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN) != null) {
			request.respond(204);
		}
	}

	private int ruleFor(String path) {
		if (this.everyPath) {
			return 0;
		}
		PathContainer container = PathContainer.parsePath(path);
		for (int i = 0; i < this.paths.length; i++) {
			for (PathPattern pattern : this.paths[i]) {
				if (pattern.matches(container)) {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * Answer an actual (not preflight) request from an origin seen before with the
	 * headers {@link DefaultCorsProcessor} would write, without parsing the origin again
	 * or wrapping the request and response. The three {@code Vary} values go in one
	 * header line, which means the same to a cache.
	 * @return {@code false} when the origin is new and the processor must decide
	 */
	private boolean actualRequest(int rule, String origin, HttpServletRequest request, HttpServletResponse response) {
		KnownOrigin known = this.knownOrigins[rule].get(origin);
		if (known == null) {
			known = KnownOrigin.of(this.configurations[rule], origin);
			if (known == null) {
				return false;
			}
			if (this.knownOrigins[rule].size() < KNOWN_ORIGINS_LIMIT) {
				this.knownOrigins[rule].putIfAbsent(origin, known);
			}
		}
		if (response.containsHeader(HttpHeaders.VARY)) {
			Collection<String> vary = response.getHeaders(HttpHeaders.VARY);
			for (String value : VARY_VALUES) {
				if (!vary.contains(value)) {
					response.addHeader(HttpHeaders.VARY, value);
				}
			}
		}
		else {
			response.setHeader(HttpHeaders.VARY, VARY);
		}
		if (known.allowOrigin == null || known.isSameOriginAs(request)
				|| response.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
				|| this.configurations[rule].checkHttpMethod(HttpMethod.valueOf(request.getMethod())) == null) {
			return true;
		}
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, known.allowOrigin);
		String exposed = this.exposedHeaders[rule];
		if (exposed != null) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
		}
		if (Boolean.TRUE.equals(this.configurations[rule].getAllowCredentials())) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, KnownOrigin>[] knownOrigins(int size) {
		return new Map[size];
	}

	private static Forbidden rejection(CorsConfiguration configuration, HttpServletRequest request, String origin) {
		if (configuration.checkOrigin(origin) == null) {
			return new Forbidden("cors.origin", "Origin '" + origin + "' is not allowed to call this resource.");
		}
		String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
		if (method == null || configuration.checkHttpMethod(HttpMethod.valueOf(method)) == null) {
			return new Forbidden("cors.method", "Method '" + method + "' is not allowed from origin '" + origin + "'.");
		}
		return new Forbidden("cors.headers",
				"Request headers '" + request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)
						+ "' are not allowed from origin '" + origin + "'.");
	}

	private static PathPattern[] parse(@Nullable List<String> paths) {
		List<String> patterns = (paths != null) ? paths : CorsConfig.DEFAULT_PATHS;
		return patterns.stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
	}

	private static CorsConfiguration configuration(CorsConfig.Rule rule) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(copy(rule.allowedOrigins()));
		configuration.setAllowedOriginPatterns(copy(rule.allowedOriginPatterns()));
		configuration.setAllowedMethods(copy(rule.allowedMethods()));
		configuration.setAllowedHeaders(copy(rule.allowedHeaders()));
		configuration.setExposedHeaders(copy(rule.exposedHeaders()));
		configuration.setAllowCredentials(Boolean.TRUE.equals(rule.allowCredentials()));
		Duration maxAge = rule.maxAge();
		if (maxAge != null) {
			configuration.setMaxAge(maxAge);
		}
		configuration.validateAllowCredentials();
		return configuration;
	}

	private static List<String> copy(@Nullable List<String> values) {
		return (values != null) ? new ArrayList<>(values) : new ArrayList<>();
	}

	/**
	 * What an actual request from one origin gets: the
	 * {@code Access-Control-Allow-Origin} value, or none when the origin is refused, and
	 * the origin's scheme, host and port to tell a same-origin request, which gets no
	 * CORS headers.
	 */
	private record KnownOrigin(@Nullable String allowOrigin, @Nullable String scheme, @Nullable String host, int port) {

		/**
		 * Resolve an origin as {@link CorsUtils#isCorsRequest} and
		 * {@link CorsConfiguration#checkOrigin} do.
		 * @return the resolved origin, or {@code null} when it is malformed and must take
		 * the processor's way
		 */
		static @Nullable KnownOrigin of(CorsConfiguration configuration, String origin) {
			UriComponents url;
			try {
				url = UriComponentsBuilder.fromUriString(origin).build();
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			return new KnownOrigin(configuration.checkOrigin(origin), url.getScheme(), url.getHost(),
					port(url.getScheme(), url.getPort()));
		}

		boolean isSameOriginAs(HttpServletRequest request) {
			String requestScheme = request.getScheme();
			return Objects.equals(requestScheme, this.scheme) && Objects.equals(request.getServerName(), this.host)
					&& port(requestScheme, request.getServerPort()) == this.port;
		}

		private static int port(@Nullable String scheme, int port) {
			if (port == -1) {
				if ("http".equals(scheme) || "ws".equals(scheme)) {
					return 80;
				}
				if ("https".equals(scheme) || "wss".equals(scheme)) {
					return 443;
				}
			}
			return port;
		}

	}

	/**
	 * Leaves the refusal to the plugin, which answers a refused preflight with a problem
	 * body and lets a refused actual request go on without CORS headers.
	 */
	private static final class Processor extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
		}

	}

}
