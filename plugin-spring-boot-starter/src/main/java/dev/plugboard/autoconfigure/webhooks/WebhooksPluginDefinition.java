package dev.plugboard.autoconfigure.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.webhooks.WebhooksConfig;
import dev.plugboard.builtin.webhooks.WebhooksPlugin;

/**
 * Creates the {@link WebhooksPlugin} when the manifest lists it, with the application's
 * {@link JsonMapper} (so an event shows an entity as the application's JSON does), else a
 * default one, and its {@link Clock} bean, else the system clock in UTC.
 */
final class WebhooksPluginDefinition implements PluginDefinition<WebhooksProperties> {

	private final ObjectProvider<JsonMapper> json;

	private final ObjectProvider<Clock> clock;

	WebhooksPluginDefinition(ObjectProvider<JsonMapper> json, ObjectProvider<Clock> clock) {
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String id() {
		return WebhooksPlugin.ID;
	}

	@Override
	public Class<WebhooksProperties> configurationType() {
		return WebhooksProperties.class;
	}

	@Override
	public Plugin create(WebhooksProperties properties) {
		List<WebhooksConfig.Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<String, WebhooksProperties.Endpoint> entry : properties.getEndpoints().entrySet()) {
			WebhooksProperties.Endpoint endpoint = entry.getValue();
			endpoints.add(new WebhooksConfig.Endpoint(entry.getKey(), url(entry.getKey(), endpoint.getUrl()),
					endpoint.getSecrets(), endpoint.getEntities(), endpoint.getOps(),
					endpoint.isAllowPrivateNetwork()));
		}
		WebhooksConfig config = new WebhooksConfig(endpoints, properties.getConnectTimeout(), properties.getTimeout());
		return new WebhooksPlugin(config, this.json.getIfAvailable(JsonMapper::shared),
				this.clock.getIfAvailable(Clock::systemUTC));
	}

	private static URI url(String name, @Nullable String url) {
		String key = "endpoints." + name + ".url";
		if (url == null || url.isBlank()) {
			throw new PluginConfigurationException(key,
					"Endpoint '" + name + "' has no url; give the absolute https URL its events are posted to.");
		}
		try {
			return new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new PluginConfigurationException(key,
					"Endpoint '" + name + "' has the url '" + url + "', which is not a URL (" + ex.getReason()
							+ "); give one such as https://hooks.example.com/orders.");
		}
	}

}
