package dev.plugboard.builtin.securityheaders;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.IpAddress;
import dev.plugboard.IpRange;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.TrustedProxies;
import dev.plugboard.builtin.securityheaders.SecurityHeadersConfig.FrameOptions;

/**
 * Adds security headers to every response: {@code Strict-Transport-Security} (only for
 * requests that came over HTTPS, directly or, from a trusted proxy, with
 * {@code X-Forwarded-Proto: https}), {@code X-Content-Type-Options},
 * {@code X-Frame-Options}, {@code Referrer-Policy}, {@code Permissions-Policy} and
 * {@code Content-Security-Policy} (or its report-only form).
 *
 * <p>
 * The application always wins: the headers are added when the response is about to be
 * committed (its body is first written, it is flushed, an error or redirect is sent, or
 * the request ends) and only those the application has not set; a header the application
 * sets or adds after that replaces the plugin's value, so every header has exactly one
 * value. Rejections by later plugins carry the headers too.
 *
 * <p>
 * Every header value is computed once, at construction; a request allocates one response
 * wrapper. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SecurityHeadersPlugin implements BeforeRequestPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "security-headers";

	static final String HSTS = "Strict-Transport-Security";

	private final String[] plainNames;

	private final String[] plainValues;

	private final String[] secureNames;

	private final String[] secureValues;

	private final TrustedProxies trustedProxies;

	private final UnaryOperator<HttpServletResponse> wrapPlain;

	private final UnaryOperator<HttpServletResponse> wrapSecure;

	/**
	 * Create the plugin with the defaults.
	 */
	public SecurityHeadersPlugin() {
		this(SecurityHeadersConfig.defaults());
	}

	/**
	 * Create the plugin.
	 * @param config the headers and the trusted proxies
	 * @throws PluginConfigurationException when a trusted proxy is not an IP address or
	 * CIDR range
	 */
	public SecurityHeadersPlugin(SecurityHeadersConfig config) {
		List<String> names = new ArrayList<>();
		List<String> values = new ArrayList<>();
		if (config.contentTypeOptions()) {
			add(names, values, "X-Content-Type-Options", "nosniff");
		}
		if (config.frameOptions() != FrameOptions.DISABLED) {
			add(names, values, "X-Frame-Options", config.frameOptions().name());
		}
		add(names, values, "Referrer-Policy", config.referrerPolicy().trim());
		add(names, values, "Permissions-Policy", config.permissionsPolicy().trim());
		String policy = config.contentSecurityPolicy().trim();
		String frameAncestors = config.frameAncestors().trim();
		String ancestorsDirective = frameAncestors.isEmpty() ? "" : "frame-ancestors " + frameAncestors;
		if (config.contentSecurityPolicyReportOnly()) {
			add(names, values, "Content-Security-Policy", ancestorsDirective);
			add(names, values, "Content-Security-Policy-Report-Only", policy);
		}
		else {
			add(names, values, "Content-Security-Policy", join(policy, ancestorsDirective));
		}
		this.plainNames = names.toArray(String[]::new);
		this.plainValues = values.toArray(String[]::new);
		if (config.hsts()) {
			names.add(0, HSTS);
			values.add(0, hsts(config));
		}
		this.secureNames = names.toArray(String[]::new);
		this.secureValues = values.toArray(String[]::new);
		this.trustedProxies = trustedProxies(config.trustedProxies());
		this.wrapPlain = (response) -> new SecurityHeadersResponse(response, this.plainNames, this.plainValues);
		this.wrapSecure = (response) -> new SecurityHeadersResponse(response, this.secureNames, this.secureValues);
	}

	private static void add(List<String> names, List<String> values, String name, String value) {
		if (!value.isEmpty()) {
			names.add(name);
			values.add(value);
		}
	}

	private static String join(String policy, String directive) {
		if (directive.isEmpty()) {
			return policy;
		}
		if (policy.isEmpty()) {
			return directive;
		}
		return policy.endsWith(";") ? policy + " " + directive : policy + "; " + directive;
	}

	private static String hsts(SecurityHeadersConfig config) {
		StringBuilder value = new StringBuilder("max-age=").append(config.hstsMaxAge().toSeconds());
		if (config.hstsIncludeSubDomains()) {
			value.append("; includeSubDomains");
		}
		if (config.hstsPreload()) {
			value.append("; preload");
		}
		return value.toString();
	}

	@Override
	public String id() {
		return ID;
	}

	/**
	 * Right after the request id, so that the answers of every later plugin (CORS
	 * preflights, rejections) carry the headers.
	 */
	@Override
	public int order() {
		return PluginOrder.REQUEST_ID + 50;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		request.wrapResponse(isHttps(request) ? this.wrapSecure : this.wrapPlain);
		if (request.servletResponse() instanceof SecurityHeadersResponse wrapper) {
			request.onComplete(wrapper);
		}
	}

	private boolean isHttps(RequestContext request) {
		HttpServletRequest servletRequest = request.servletRequest();
		if (servletRequest.isSecure()) {
			return true;
		}
		String proto = request.header("X-Forwarded-Proto");
		return proto != null && isHttps(proto)
				&& this.trustedProxies.isTrusted(IpAddress.tryParse(request.remoteAddress()));
	}

	private static TrustedProxies trustedProxies(List<String> entries) {
		List<IpRange> ranges = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			try {
				ranges.add(IpRange.parse(entries.get(i).trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new PluginConfigurationException("trusted-proxies[" + i + "]", ex.getMessage());
			}
		}
		return TrustedProxies.of(ranges);
	}

	/**
	 * Whether the first (client-side) entry of an {@code X-Forwarded-Proto} value is
	 * https.
	 */
	private static boolean isHttps(String proto) {
		int comma = proto.indexOf(',');
		int end = (comma >= 0) ? comma : proto.length();
		int start = 0;
		while (start < end && proto.charAt(start) == ' ') {
			start++;
		}
		while (end > start && proto.charAt(end - 1) == ' ') {
			end--;
		}
		return end - start == 5 && proto.regionMatches(true, start, "https", 0, 5);
	}

	/**
	 * The headers this plugin writes for a request.
	 * @param https whether the request came over HTTPS
	 * @return the header names, in the order they are written
	 */
	List<String> headerNames(boolean https) {
		return List.of(https ? this.secureNames : this.plainNames);
	}

}
