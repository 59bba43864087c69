package dev.plugboard.builtin.cors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	private final PathPattern[][] paths;

	private final CorsConfiguration[] configurations;

	/** Whether the only rule covers every path, so no path needs matching. */
	private final boolean everyPath;

	private final Processor processor = new Processor();

	/**
	 * Create the plugin.
	 * @param config the rules
	 */
	public CorsPlugin(CorsConfig config) {
		List<CorsConfig.Rule> rules = config.resolved();
		this.paths = new PathPattern[rules.size()][];
		this.configurations = new CorsConfiguration[rules.size()];
		for (int i = 0; i < rules.size(); i++) {
			CorsConfig.Rule rule = rules.get(i);
			this.paths[i] = parse(rule.paths());
			this.configurations[i] = configuration(rule);
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
		CorsConfiguration configuration = (origin != null) ? configurationFor(request.path()) : null;
		if (configuration == null) {
			if (!response.containsHeader(HttpHeaders.VARY)
					|| !response.getHeaders(HttpHeaders.VARY).contains(HttpHeaders.ORIGIN)) {
				response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
			}
			return;
		}
		HttpServletRequest servletRequest = request.servletRequest();
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

	private @Nullable CorsConfiguration configurationFor(String path) {
		if (this.everyPath) {
			return this.configurations[0];
		}
		PathContainer container = PathContainer.parsePath(path);
		for (int i = 0; i < this.paths.length; i++) {
			for (PathPattern pattern : this.paths[i]) {
				if (pattern.matches(container)) {
					return this.configurations[i];
				}
			}
		}
		return null;
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
	 * Leaves the refusal to the plugin, which answers a refused preflight with a problem
	 * body and lets a refused actual request go on without CORS headers.
	 */
	private static final class Processor extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
		}

	}

}
