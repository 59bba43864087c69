package dev.plugboard.autoconfigure.securityheaders;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.plugboard.builtin.securityheaders.SecurityHeadersConfig.FrameOptions;

/**
 * Configuration of the {@code security-headers} built-in, bound from its manifest entry.
 * An empty value leaves its header out.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.security-headers")
public class SecurityHeadersProperties {

	/**
	 * Strict-Transport-Security, written only on requests that came over HTTPS.
	 */
	private final Hsts hsts = new Hsts();

	/**
	 * Whether 'X-Content-Type-Options: nosniff' is written.
	 */
	private boolean contentTypeOptions = true;

	/**
	 * X-Frame-Options value: deny, sameorigin, or disabled to leave the header out.
	 */
	private FrameOptions frameOptions = FrameOptions.DENY;

	/**
	 * Sources allowed to frame the pages, written as the 'frame-ancestors' directive of
	 * an enforced Content-Security-Policy, such as "'self' https://partner.example".
	 */
	private String frameAncestors = "";

	/**
	 * Referrer-Policy value.
	 */
	private String referrerPolicy = "strict-origin-when-cross-origin";

	/**
	 * Permissions-Policy value, such as "camera=(), microphone=(), geolocation=()".
	 */
	private String permissionsPolicy = "";

	/**
	 * Content-Security-Policy.
	 */
	private final ContentSecurityPolicy contentSecurityPolicy = new ContentSecurityPolicy();

	/**
	 * IP addresses and CIDR ranges of the proxies whose 'X-Forwarded-Proto: https' means
	 * the client used HTTPS, such as 10.0.0.0/8. From other addresses the header is
	 * ignored.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	public Hsts getHsts() {
		return this.hsts;
	}

	public boolean isContentTypeOptions() {
		return this.contentTypeOptions;
	}

	public void setContentTypeOptions(boolean contentTypeOptions) {
		this.contentTypeOptions = contentTypeOptions;
	}

	public FrameOptions getFrameOptions() {
		return this.frameOptions;
	}

	public void setFrameOptions(FrameOptions frameOptions) {
		this.frameOptions = frameOptions;
	}

	public String getFrameAncestors() {
		return this.frameAncestors;
	}

	public void setFrameAncestors(String frameAncestors) {
		this.frameAncestors = frameAncestors;
	}

	public String getReferrerPolicy() {
		return this.referrerPolicy;
	}

	public void setReferrerPolicy(String referrerPolicy) {
		this.referrerPolicy = referrerPolicy;
	}

	public String getPermissionsPolicy() {
		return this.permissionsPolicy;
	}

	public void setPermissionsPolicy(String permissionsPolicy) {
		this.permissionsPolicy = permissionsPolicy;
	}

	public ContentSecurityPolicy getContentSecurityPolicy() {
		return this.contentSecurityPolicy;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	/**
	 * Strict-Transport-Security settings.
	 */
	public static class Hsts {

		/**
		 * Whether Strict-Transport-Security is written on HTTPS requests.
		 */
		private boolean enabled = true;

		/**
		 * How long browsers keep to HTTPS for this host. A plain number is in seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxAge = Duration.ofDays(365);

		/**
		 * Whether the policy covers subdomains.
		 */
		private boolean includeSubDomains = true;

		/**
		 * Whether to ask for inclusion in browser preload lists.
		 */
		private boolean preload;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public boolean isIncludeSubDomains() {
			return this.includeSubDomains;
		}

		public void setIncludeSubDomains(boolean includeSubDomains) {
			this.includeSubDomains = includeSubDomains;
		}

		public boolean isPreload() {
			return this.preload;
		}

		public void setPreload(boolean preload) {
			this.preload = preload;
		}

	}

	/**
	 * Content-Security-Policy settings.
	 */
	public static class ContentSecurityPolicy {

		/**
		 * The policy, such as "default-src 'self'". Empty writes no policy.
		 */
		private String policy = "";

		/**
		 * Whether the policy is sent as Content-Security-Policy-Report-Only: browsers
		 * report violations without blocking, to try a policy out.
		 */
		private boolean reportOnly;

		public String getPolicy() {
			return this.policy;
		}

		public void setPolicy(String policy) {
			this.policy = policy;
		}

		public boolean isReportOnly() {
			return this.reportOnly;
		}

		public void setReportOnly(boolean reportOnly) {
			this.reportOnly = reportOnly;
		}

	}

}
