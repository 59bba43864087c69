package dev.plugboard.autoconfigure.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.plugboard.WriteOp;

/**
 * Configuration of the {@code webhooks} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.webhooks")
public class WebhooksProperties {

	/**
	 * Endpoints the entity events are posted to, by name. Each takes 'url' (absolute http
	 * or https URL), 'secrets' (Standard Webhooks secrets, 'whsec_' and a base64 key;
	 * each signs every delivery), 'entities' (aggregate names; all when empty), 'ops'
	 * (insert, update, delete; all by default) and 'allow-private-network' (whether the
	 * URL may resolve to a loopback, private or link-local address; false by default).
	 */
	private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

	/**
	 * How long a delivery waits to connect to an endpoint.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * How long a delivery waits for an endpoint's answer once the request is sent. Keep
	 * it well under the outbox lease.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	public Map<String, Endpoint> getEndpoints() {
		return this.endpoints;
	}

	public void setEndpoints(Map<String, Endpoint> endpoints) {
		this.endpoints = endpoints;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * One endpoint.
	 */
	public static class Endpoint {

		/**
		 * Absolute http or https URL the events are posted to.
		 */
		private @Nullable String url;

		/**
		 * Standard Webhooks secrets, 'whsec_' followed by the base64 of 24 to 64 random
		 * bytes. Each signs every delivery, so a receiver can rotate its secret.
		 */
		private List<String> secrets = new ArrayList<>();

		/**
		 * Aggregate (table) names whose writes are posted. Every aggregate when empty.
		 */
		private List<String> entities = new ArrayList<>();

		/**
		 * Operations that are posted.
		 */
		private Set<WriteOp> ops = EnumSet.allOf(WriteOp.class);

		/**
		 * Whether the URL may resolve to a loopback, private, link-local or other
		 * internal address. Off by default, so that the manifest cannot be used to reach
		 * the application's own network (SSRF).
		 */
		private boolean allowPrivateNetwork;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public List<String> getSecrets() {
			return this.secrets;
		}

		public void setSecrets(List<String> secrets) {
			this.secrets = secrets;
		}

		public List<String> getEntities() {
			return this.entities;
		}

		public void setEntities(List<String> entities) {
			this.entities = entities;
		}

		public Set<WriteOp> getOps() {
			return this.ops;
		}

		public void setOps(Set<WriteOp> ops) {
			this.ops = ops;
		}

		public boolean isAllowPrivateNetwork() {
			return this.allowPrivateNetwork;
		}

		public void setAllowPrivateNetwork(boolean allowPrivateNetwork) {
			this.allowPrivateNetwork = allowPrivateNetwork;
		}

	}

}
