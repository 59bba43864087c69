package dev.plugboard.autoconfigure.securityheaders;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.securityheaders.SecurityHeadersConfig;
import dev.plugboard.builtin.securityheaders.SecurityHeadersPlugin;

/**
 * Creates the {@link SecurityHeadersPlugin} when the manifest lists it.
 */
final class SecurityHeadersPluginDefinition implements PluginDefinition<SecurityHeadersProperties> {

	@Override
	public String id() {
		return SecurityHeadersPlugin.ID;
	}

	@Override
	public Class<SecurityHeadersProperties> configurationType() {
		return SecurityHeadersProperties.class;
	}

	@Override
	public Plugin create(SecurityHeadersProperties properties) {
		SecurityHeadersProperties.Hsts hsts = properties.getHsts();
		SecurityHeadersProperties.ContentSecurityPolicy csp = properties.getContentSecurityPolicy();
		return new SecurityHeadersPlugin(new SecurityHeadersConfig(hsts.isEnabled(), hsts.getMaxAge(),
				hsts.isIncludeSubDomains(), hsts.isPreload(), properties.isContentTypeOptions(),
				properties.getFrameOptions(), properties.getFrameAncestors(), properties.getReferrerPolicy(),
				properties.getPermissionsPolicy(), csp.getPolicy(), csp.isReportOnly(),
				properties.getTrustedProxies()));
	}

}
