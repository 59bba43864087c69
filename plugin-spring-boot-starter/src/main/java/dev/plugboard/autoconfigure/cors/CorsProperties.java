package dev.plugboard.autoconfigure.cors;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of the {@code cors} built-in, bound from its manifest entry. The
 * top-level settings apply to 'paths'; each of 'mappings' overrides some of them for its
 * own paths and inherits the rest.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.cors")
public class CorsProperties {

	/**
	 * Path patterns the top-level settings apply to. A path no rule covers is left to the
	 * application.
	 */
	private List<String> paths = new ArrayList<>(List.of("/**"));

	/**
	 * Origins allowed to call the application, written scheme://host[:port], or '*' for
	 * any origin (then without credentials).
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Origin patterns allowed to call the application, such as 'https://*.example.com' or
	 * 'http://localhost:[*]'.
	 */
	private List<String> allowedOriginPatterns = new ArrayList<>();

	/**
	 * HTTP methods allowed from another origin, or '*' for any.
	 */
	private List<String> allowedMethods = new ArrayList<>(List.of("GET", "HEAD", "POST"));

	/**
	 * Request headers a page may send, or '*' for any.
	 */
	private List<String> allowedHeaders = new ArrayList<>(List.of("*"));

	/**
	 * Response headers a page may read besides the CORS-safelisted ones.
	 */
	private List<String> exposedHeaders = new ArrayList<>();

	/**
	 * Whether cookies and HTTP authentication are allowed. Needs explicit origins or
	 * origin patterns, not '*'.
	 */
	private boolean allowCredentials;

	/**
	 * How long a browser may cache a preflight's answer. A number without a unit is in
	 * seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration maxAge = Duration.ofMinutes(30);

	/**
	 * Settings for some paths, tried in order before the top-level ones. A key a mapping
	 * leaves out is inherited from the top level.
	 */
	private List<Mapping> mappings = new ArrayList<>();

	public List<String> getPaths() {
		return this.paths;
	}

	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public List<String> getAllowedOriginPatterns() {
		return this.allowedOriginPatterns;
	}

	public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
		this.allowedOriginPatterns = allowedOriginPatterns;
	}

	public List<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	public void setAllowedMethods(List<String> allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	public void setAllowedHeaders(List<String> allowedHeaders) {
		this.allowedHeaders = allowedHeaders;
	}

	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	public void setExposedHeaders(List<String> exposedHeaders) {
		this.exposedHeaders = exposedHeaders;
	}

	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public List<Mapping> getMappings() {
		return this.mappings;
	}

	public void setMappings(List<Mapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * The settings of some paths; a key left out is inherited from the top level.
	 */
	public static class Mapping {

		/**
		 * Path patterns this mapping applies to, such as '/api/public/**'.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * Origins allowed on these paths.
		 */
		private @Nullable List<String> allowedOrigins;

		/**
		 * Origin patterns allowed on these paths.
		 */
		private @Nullable List<String> allowedOriginPatterns;

		/**
		 * HTTP methods allowed on these paths.
		 */
		private @Nullable List<String> allowedMethods;

		/**
		 * Request headers allowed on these paths.
		 */
		private @Nullable List<String> allowedHeaders;

		/**
		 * Response headers exposed on these paths.
		 */
		private @Nullable List<String> exposedHeaders;

		/**
		 * Whether credentials are allowed on these paths.
		 */
		private @Nullable Boolean allowCredentials;

		/**
		 * How long a browser may cache a preflight's answer for these paths.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration maxAge;

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public @Nullable List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(@Nullable List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public @Nullable List<String> getAllowedOriginPatterns() {
			return this.allowedOriginPatterns;
		}

		public void setAllowedOriginPatterns(@Nullable List<String> allowedOriginPatterns) {
			this.allowedOriginPatterns = allowedOriginPatterns;
		}

		public @Nullable List<String> getAllowedMethods() {
			return this.allowedMethods;
		}

		public void setAllowedMethods(@Nullable List<String> allowedMethods) {
			this.allowedMethods = allowedMethods;
		}

		public @Nullable List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(@Nullable List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

		public @Nullable List<String> getExposedHeaders() {
			return this.exposedHeaders;
		}

		public void setExposedHeaders(@Nullable List<String> exposedHeaders) {
			this.exposedHeaders = exposedHeaders;
		}

		public @Nullable Boolean getAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(@Nullable Boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

}
