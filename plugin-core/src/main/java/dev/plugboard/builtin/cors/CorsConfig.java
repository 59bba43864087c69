package dev.plugboard.builtin.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link CorsPlugin}: the settings for the paths in
 * {@code defaults}, and per-path mappings checked before them, in order, that override
 * some of the settings and inherit the rest.
 *
 * @param defaults the settings every mapping inherits, applied to its own paths
 * @param mappings the per-path settings, first match wins; a {@code null} member inherits
 * the one in {@code defaults}
 * @since 0.1.0
 */
public record CorsConfig(Rule defaults, List<Rule> mappings) {

	/** The default paths: every path. */
	public static final List<String> DEFAULT_PATHS = List.of("/**");

	/** The default allowed methods, as browsers send without a preflight. */
	public static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

	/** The default allowed request headers: any. */
	public static final List<String> DEFAULT_HEADERS = List.of("*");

	/** The default time a browser may cache a preflight's answer. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(30);

	/**
	 * Check every rule as it resolves against the defaults.
	 * @throws PluginConfigurationException naming the key when a rule allows no origin,
	 * allows credentials for every origin, names an origin that is not
	 * {@code scheme://host[:port]}, or has a path pattern that does not parse
	 */
	public CorsConfig {
		mappings = List.copyOf(mappings);
		check("", defaults.resolve(defaults));
		for (int i = 0; i < mappings.size(); i++) {
			check("mappings[" + i + "].", mappings.get(i).resolve(defaults));
		}
	}

	/**
	 * A configuration with one rule for every path.
	 * @param allowedOrigins the allowed origins
	 * @return the configuration
	 */
	public static CorsConfig allowing(String... allowedOrigins) {
		return new CorsConfig(Rule.defaults().withAllowedOrigins(List.of(allowedOrigins)), List.of());
	}

	/**
	 * Every rule resolved against the defaults, mappings first and the defaults last.
	 * @return the resolved rules, in the order they are tried
	 */
	public List<Rule> resolved() {
		List<Rule> rules = new ArrayList<>(this.mappings.size() + 1);
		this.mappings.forEach((mapping) -> rules.add(mapping.resolve(this.defaults)));
		rules.add(this.defaults.resolve(this.defaults));
		return rules;
	}

	private static void check(String prefix, Rule rule) {
		List<String> origins = nonNull(rule.allowedOrigins());
		List<String> patterns = nonNull(rule.allowedOriginPatterns());
		if (origins.isEmpty() && patterns.isEmpty()) {
			throw new PluginConfigurationException(prefix + "allowed-origins",
					"No origin is allowed, so every cross-origin preflight would be refused. List the origins "
							+ "(such as https://app.example.com) under 'allowed-origins', or patterns (such as "
							+ "https://*.example.com) under 'allowed-origin-patterns'.");
		}
		for (String origin : origins) {
			if (!"*".equals(origin) && !isOrigin(origin)) {
				throw new PluginConfigurationException(prefix + "allowed-origins", "'" + origin
						+ "' is not an origin: write scheme://host[:port] without a path, such as https://app.example.com, "
						+ "or use 'allowed-origin-patterns' for wildcards.");
			}
		}
		if (Boolean.TRUE.equals(rule.allowCredentials()) && origins.contains("*")) {
			throw new PluginConfigurationException(prefix + "allow-credentials",
					"Credentials cannot be allowed for every origin ('*' in allowed-origins): browsers refuse it. "
							+ "List the origins, or use 'allowed-origin-patterns' such as https://*.example.com.");
		}
		List<String> paths = nonNull(rule.paths());
		if (paths.isEmpty()) {
			throw new PluginConfigurationException(prefix + "paths",
					"The rule applies to no path; list path patterns such as /api/**.");
		}
		for (String path : paths) {
			try {
				PathPatternParser.defaultInstance.parse(path);
			}
			catch (PatternParseException ex) {
				throw new PluginConfigurationException(prefix + "paths", "'" + path + "' is not a path pattern: "
						+ ex.getMessage() + ". Write patterns such as /api/**.");
			}
		}
		Duration maxAge = rule.maxAge();
		if (maxAge != null && maxAge.isNegative()) {
			throw new PluginConfigurationException(prefix + "max-age",
					"The max-age must not be negative, was " + maxAge + ".");
		}
	}

	private static boolean isOrigin(String origin) {
		int scheme = origin.indexOf("://");
		if (scheme <= 0) {
			return false;
		}
		String authority = origin.substring(scheme + 3);
		return !authority.isEmpty() && authority.indexOf('/') < 0 && authority.indexOf('?') < 0
				&& authority.indexOf('#') < 0
				&& origin.substring(0, scheme)
					.toLowerCase(Locale.ROOT)
					.chars()
					.allMatch((c) -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
	}

	private static List<String> nonNull(@Nullable List<String> list) {
		return (list != null) ? list : List.of();
	}

	/**
	 * The CORS settings of some paths; in a mapping, a {@code null} member inherits the
	 * default rule's.
	 *
	 * @param paths the path patterns the rule applies to, such as {@code /api/**}
	 * @param allowedOrigins the allowed origins, exactly
	 * ({@code https://app.example.com}), or {@code *} for any (then without credentials)
	 * @param allowedOriginPatterns the allowed origin patterns, such as
	 * {@code https://*.example.com} or {@code http://localhost:[*]}
	 * @param allowedMethods the allowed methods, or {@code *} for any
	 * @param allowedHeaders the request headers a client may send, or {@code *} for any
	 * @param exposedHeaders the response headers a page may read besides the safelisted
	 * ones
	 * @param allowCredentials whether cookies and HTTP authentication are allowed
	 * @param maxAge how long a browser may cache a preflight's answer
	 */
	public record Rule(@Nullable List<String> paths, @Nullable List<String> allowedOrigins,
			@Nullable List<String> allowedOriginPatterns, @Nullable List<String> allowedMethods,
			@Nullable List<String> allowedHeaders, @Nullable List<String> exposedHeaders,
			@Nullable Boolean allowCredentials, @Nullable Duration maxAge) {

		/**
		 * The default rule: every path, no origin yet, {@link #DEFAULT_METHODS},
		 * {@link #DEFAULT_HEADERS}, nothing exposed, no credentials,
		 * {@link #DEFAULT_MAX_AGE}.
		 * @return the rule
		 */
		public static Rule defaults() {
			return new Rule(DEFAULT_PATHS, List.of(), List.of(), DEFAULT_METHODS, DEFAULT_HEADERS, List.of(), false,
					DEFAULT_MAX_AGE);
		}

		/**
		 * A mapping that inherits everything but its paths.
		 * @param paths the path patterns
		 * @return the mapping
		 */
		public static Rule mapping(String... paths) {
			return new Rule(List.of(paths), null, null, null, null, null, null, null);
		}

		/**
		 * This rule for other paths.
		 * @param paths the path patterns
		 * @return a new rule
		 */
		public Rule withPaths(String... paths) {
			return new Rule(List.of(paths), this.allowedOrigins, this.allowedOriginPatterns, this.allowedMethods,
					this.allowedHeaders, this.exposedHeaders, this.allowCredentials, this.maxAge);
		}

		/**
		 * This rule with other allowed origins.
		 * @param origins the origins
		 * @return a new rule
		 */
		public Rule withAllowedOrigins(List<String> origins) {
			return new Rule(this.paths, origins, this.allowedOriginPatterns, this.allowedMethods, this.allowedHeaders,
					this.exposedHeaders, this.allowCredentials, this.maxAge);
		}

		/**
		 * This rule with other allowed origin patterns.
		 * @param patterns the origin patterns
		 * @return a new rule
		 */
		public Rule withAllowedOriginPatterns(List<String> patterns) {
			return new Rule(this.paths, this.allowedOrigins, patterns, this.allowedMethods, this.allowedHeaders,
					this.exposedHeaders, this.allowCredentials, this.maxAge);
		}

		/**
		 * This rule with other allowed methods.
		 * @param methods the methods
		 * @return a new rule
		 */
		public Rule withAllowedMethods(List<String> methods) {
			return new Rule(this.paths, this.allowedOrigins, this.allowedOriginPatterns, methods, this.allowedHeaders,
					this.exposedHeaders, this.allowCredentials, this.maxAge);
		}

		/**
		 * This rule with other allowed request headers.
		 * @param headers the header names
		 * @return a new rule
		 */
		public Rule withAllowedHeaders(List<String> headers) {
			return new Rule(this.paths, this.allowedOrigins, this.allowedOriginPatterns, this.allowedMethods, headers,
					this.exposedHeaders, this.allowCredentials, this.maxAge);
		}

		/**
		 * This rule with other exposed response headers.
		 * @param headers the header names
		 * @return a new rule
		 */
		public Rule withExposedHeaders(List<String> headers) {
			return new Rule(this.paths, this.allowedOrigins, this.allowedOriginPatterns, this.allowedMethods,
					this.allowedHeaders, headers, this.allowCredentials, this.maxAge);
		}

		/**
		 * This rule with credentials allowed or not.
		 * @param allow whether credentials are allowed
		 * @return a new rule
		 */
		public Rule withAllowCredentials(boolean allow) {
			return new Rule(this.paths, this.allowedOrigins, this.allowedOriginPatterns, this.allowedMethods,
					this.allowedHeaders, this.exposedHeaders, allow, this.maxAge);
		}

		/**
		 * This rule with another preflight cache time.
		 * @param maxAge the time
		 * @return a new rule
		 */
		public Rule withMaxAge(Duration maxAge) {
			return new Rule(this.paths, this.allowedOrigins, this.allowedOriginPatterns, this.allowedMethods,
					this.allowedHeaders, this.exposedHeaders, this.allowCredentials, maxAge);
		}

		Rule resolve(Rule defaults) {
			return new Rule(or(this.paths, defaults.paths), or(this.allowedOrigins, defaults.allowedOrigins),
					or(this.allowedOriginPatterns, defaults.allowedOriginPatterns),
					or(this.allowedMethods, defaults.allowedMethods), or(this.allowedHeaders, defaults.allowedHeaders),
					or(this.exposedHeaders, defaults.exposedHeaders),
					(this.allowCredentials != null) ? this.allowCredentials : defaults.allowCredentials,
					(this.maxAge != null) ? this.maxAge : defaults.maxAge);
		}

		private static @Nullable List<String> or(@Nullable List<String> value, @Nullable List<String> fallback) {
			return (value != null) ? value : fallback;
		}

	}

}
