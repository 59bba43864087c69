package dev.plugboard.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.OnError;
import dev.plugboard.Plugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginDefinition;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * Plugins and definitions used as beans by the starter's tests.
 */
final class Plugins {

	private Plugins() {
	}

	/** A before-request plugin that does nothing. */
	record Noop(String id, int order, OnError onError) implements BeforeRequestPlugin {

		Noop(String id) {
			this(id, PluginOrder.APPLICATION, OnError.FAIL_OPEN);
		}

		@Override
		public void beforeRequest(RequestContext request) {
		}

	}

	/** A plugin whose id and hooks come from its configuration. */
	record Configured(String id, Object configuration) implements Plugin {
	}

	/** Configuration of {@link WebhookDefinition}: a record with a required url. */
	record WebhookConfig(@Nullable String url, int retries, java.time.@Nullable Duration timeout) {
	}

	/** A library definition whose create() requires {@code url}. */
	static final class WebhookDefinition implements PluginDefinition<WebhookConfig> {

		final AtomicInteger created = new AtomicInteger();

		@Override
		public String id() {
			return "webhook";
		}

		@Override
		public Class<WebhookConfig> configurationType() {
			return WebhookConfig.class;
		}

		@Override
		public Plugin create(WebhookConfig configuration) {
			this.created.incrementAndGet();
			String url = configuration.url();
			if (url == null) {
				throw new PluginConfigurationException("url",
						"Set it to the address webhooks are posted to, such as https://hooks.example.com/orders.");
			}
			if (!url.startsWith("https://")) {
				throw new PluginConfigurationException("url",
						"Webhooks are only posted over https, was '" + url + "'.");
			}
			return new Configured(id(), configuration);
		}

	}

	/** Configuration of {@link RateLimitDefinition}: a JavaBean. */
	public static class RateLimitConfig {

		private int capacity = 10;

		private OnFull onFull = OnFull.REJECT;

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public OnFull getOnFull() {
			return this.onFull;
		}

		public void setOnFull(OnFull onFull) {
			this.onFull = onFull;
		}

		public enum OnFull {

			REJECT, QUEUE_UP

		}

	}

	/** A library definition bound to a JavaBean. */
	static final class RateLimitDefinition implements PluginDefinition<RateLimitConfig> {

		@Override
		public String id() {
			return "rate-limit";
		}

		@Override
		public Class<RateLimitConfig> configurationType() {
			return RateLimitConfig.class;
		}

		@Override
		public Plugin create(RateLimitConfig configuration) {
			return new Configured(id(), configuration);
		}

	}

}
