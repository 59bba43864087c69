package dev.plugboard.builtin.securityheaders;

import java.time.Duration;
import java.util.List;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link SecurityHeadersPlugin}. A header whose value is empty
 * (or a switch that is off) is not written.
 *
 * @param hsts whether {@code Strict-Transport-Security} is written on requests that came
 * over HTTPS
 * @param hstsMaxAge how long browsers keep to HTTPS, whole seconds
 * @param hstsIncludeSubDomains whether HSTS covers subdomains
 * @param hstsPreload whether HSTS asks for browser preload lists
 * @param contentTypeOptions whether {@code X-Content-Type-Options: nosniff} is written
 * @param frameOptions the {@code X-Frame-Options} value
 * @param frameAncestors sources allowed to frame the pages, as the CSP
 * {@code frame-ancestors} directive (such as {@code 'self'}), empty for none
 * @param referrerPolicy the {@code Referrer-Policy} value, empty for none
 * @param permissionsPolicy the {@code Permissions-Policy} value, empty for none
 * @param contentSecurityPolicy the {@code Content-Security-Policy} value, empty for none
 * @param contentSecurityPolicyReportOnly whether the policy is sent as
 * {@code Content-Security-Policy-Report-Only}, reported but not enforced
 * @param trustedProxies addresses and CIDR ranges of proxies whose
 * {@code X-Forwarded-Proto: https} counts as HTTPS
 * @since 0.1.0
 */
public record SecurityHeadersConfig(boolean hsts, Duration hstsMaxAge, boolean hstsIncludeSubDomains,
		boolean hstsPreload, boolean contentTypeOptions, FrameOptions frameOptions, String frameAncestors,
		String referrerPolicy, String permissionsPolicy, String contentSecurityPolicy,
		boolean contentSecurityPolicyReportOnly, List<String> trustedProxies) {

	/** The default HSTS duration: one year. */
	public static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);

	/** The default referrer policy. */
	public static final String DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";

	/**
	 * Check the values and copy the list.
	 * @throws PluginConfigurationException when a duration is negative or a value holds
	 * characters a header cannot carry
	 */
	public SecurityHeadersConfig {
		if (hstsMaxAge.isNegative()) {
			throw new PluginConfigurationException("hsts.max-age",
					"The HSTS max-age must not be negative, was " + hstsMaxAge + ". Use a duration such as 365d.");
		}
		requireHeaderValue("frame-ancestors", frameAncestors);
		requireHeaderValue("referrer-policy", referrerPolicy);
		requireHeaderValue("permissions-policy", permissionsPolicy);
		requireHeaderValue("content-security-policy.policy", contentSecurityPolicy);
		trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * The defaults: HSTS for a year with subdomains over HTTPS, nosniff,
	 * {@code X-Frame-Options: DENY}, referrer policy
	 * {@code strict-origin-when-cross-origin}; no permissions or content security policy.
	 * @return the default configuration
	 */
	public static SecurityHeadersConfig defaults() {
		return new SecurityHeadersConfig(true, DEFAULT_HSTS_MAX_AGE, true, false, true, FrameOptions.DENY, "",
				DEFAULT_REFERRER_POLICY, "", "", false, List.of());
	}

	private static void requireHeaderValue(String key, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f || c > 0xff) {
				throw new PluginConfigurationException(key, "The value holds a character a header cannot carry (code "
						+ (int) c + " at index " + i + "). Write the policy on one line.");
			}
		}
	}

	/**
	 * The {@code X-Frame-Options} header's values.
	 */
	public enum FrameOptions {

		/** {@code DENY}: no page may frame this one. */
		DENY,

		/** {@code SAMEORIGIN}: only pages of the same origin may frame this one. */
		SAMEORIGIN,

		/** No header: leave framing to {@code frame-ancestors} or allow it. */
		DISABLED

	}

}
