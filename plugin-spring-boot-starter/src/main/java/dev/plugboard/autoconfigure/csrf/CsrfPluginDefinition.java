package dev.plugboard.autoconfigure.csrf;

import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.csrf.CsrfConfig;
import dev.plugboard.builtin.csrf.CsrfPlugin;

/**
 * Creates the {@link CsrfPlugin} when the manifest lists it; without a secret the boot
 * stops and says how to set one.
 */
final class CsrfPluginDefinition implements PluginDefinition<CsrfProperties> {

	@Override
	public String id() {
		return CsrfPlugin.ID;
	}

	@Override
	public Class<CsrfProperties> configurationType() {
		return CsrfProperties.class;
	}

	@Override
	public Plugin create(CsrfProperties properties) {
		String secret = properties.getSecret();
		return new CsrfPlugin(new CsrfConfig((secret != null) ? secret : "", properties.getSessionCookies(),
				properties.getTokenCookie(), properties.getTokenHeader(), properties.getApiKeyHeaders(),
				properties.getExemptPaths(), properties.getAllowedOrigins(), properties.getCookiePath(),
				properties.getCookieDomain(), properties.getCookieSecure(), properties.getCookieSameSite()));
	}

}
