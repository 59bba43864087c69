package dev.plugboard.builtin.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.plugboard.IpAddress;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.WriteOp;

/**
 * The configuration of the {@link WebhooksPlugin}.
 *
 * @param endpoints the endpoints the events are posted to; at least one
 * @param connectTimeout how long a delivery waits to connect to an endpoint
 * @param timeout how long a delivery waits for an endpoint's answer, once the request is
 * sent; keep it well under the outbox lease
 * @since 0.1.0
 */
public record WebhooksConfig(List<Endpoint> endpoints, Duration connectTimeout, Duration timeout) {

	/** How long a delivery waits to connect by default. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** How long a delivery waits for the answer by default. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** The prefix of a Standard Webhooks secret. */
	public static final String SECRET_PREFIX = "whsec_";

	/** The fewest bytes a secret's key may have (the specification asks for 24 to 64). */
	public static final int MIN_SECRET_BYTES = 24;

	/**
	 * Check the values and copy the list.
	 * @throws PluginConfigurationException when there is no endpoint, two share a name,
	 * or a timeout is not positive
	 */
	public WebhooksConfig {
		if (endpoints.isEmpty()) {
			throw new PluginConfigurationException("endpoints", "webhooks has no endpoints. Add at least one, such as "
					+ "endpoints: {orders: {url: https://hooks.example.com/orders, secrets: [whsec_...], entities: [order]}}.");
		}
		Set<String> names = new HashSet<>();
		for (Endpoint endpoint : endpoints) {
			if (!names.add(endpoint.name())) {
				throw new PluginConfigurationException("endpoints." + endpoint.name(),
						"Two endpoints are named '" + endpoint.name() + "'; give each its own name.");
			}
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new PluginConfigurationException("connect-timeout",
					"connect-timeout is " + connectTimeout + "; give a positive duration such as 5s.");
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new PluginConfigurationException("timeout",
					"timeout is " + timeout + "; give a positive duration such as 10s.");
		}
		endpoints = List.copyOf(endpoints);
	}

	/**
	 * One receiver of events.
	 *
	 * @param name the endpoint's name, its key under {@code endpoints}; recorded with
	 * each outbox record so that a retry goes to the same endpoint
	 * @param url the absolute {@code http} or {@code https} URL events are posted to
	 * @param secrets the signing secrets, {@code whsec_} followed by the base64 key; each
	 * signs every delivery, so that a receiver can rotate its secret
	 * @param entities the aggregate (table) names whose writes are posted; empty for all
	 * @param ops the operations that are posted
	 * @param allowPrivateNetwork whether the URL may resolve to a loopback, private,
	 * link-local or other internal address; off by default, against SSRF
	 */
	public record Endpoint(String name, URI url, List<String> secrets, List<String> entities, Set<WriteOp> ops,
			boolean allowPrivateNetwork) {

		/**
		 * Check the values and copy the collections.
		 * @throws PluginConfigurationException naming the endpoint and the key when the
		 * URL, a secret or the operations are unusable
		 */
		public Endpoint {
			if (name == null || name.isBlank()) {
				throw new PluginConfigurationException("endpoints",
						"An endpoint has a blank name; name each endpoint.");
			}
			String key = "endpoints." + name;
			checkUrl(name, key + ".url", url, allowPrivateNetwork);
			if (secrets == null || secrets.isEmpty()) {
				throw new PluginConfigurationException(key + ".secrets", "Endpoint '" + name
						+ "' has no secret. Give at least one Standard Webhooks secret, 'whsec_' followed by a base64 key "
						+ "of " + MIN_SECRET_BYTES
						+ " to 64 random bytes (such as the output of 'openssl rand -base64 32').");
			}
			for (int i = 0; i < secrets.size(); i++) {
				decode(name, key + ".secrets[" + i + "]", i, secrets.get(i));
			}
			if (ops == null || ops.isEmpty()) {
				throw new PluginConfigurationException(key + ".ops", "Endpoint '" + name
						+ "' has no operations, so it would never be called; list some of insert, update and delete.");
			}
			secrets = List.copyOf(secrets);
			entities = (entities != null) ? List.copyOf(entities) : List.of();
			ops = Set.copyOf(EnumSet.copyOf(ops));
		}

		/**
		 * The keys of the secrets, decoded.
		 * @return one key per secret, in order
		 */
		List<byte[]> keys() {
			List<byte[]> keys = new ArrayList<>();
			for (int i = 0; i < this.secrets.size(); i++) {
				keys.add(decode(this.name, "endpoints." + this.name + ".secrets[" + i + "]", i, this.secrets.get(i)));
			}
			return keys;
		}

		@Override
		public String toString() {
			return "Endpoint[name=" + this.name + ", url=" + this.url + ", secrets=" + this.secrets.size()
					+ ", entities=" + this.entities + ", ops=" + this.ops + ", allowPrivateNetwork="
					+ this.allowPrivateNetwork + "]";
		}

		private static void checkUrl(String name, String key, URI url, boolean allowPrivateNetwork) {
			if (url == null) {
				throw new PluginConfigurationException(key,
						"Endpoint '" + name + "' has no url; give the absolute https URL its events are posted to.");
			}
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
			if (!url.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null
					|| url.getHost().isEmpty()) {
				throw new PluginConfigurationException(key,
						"Endpoint '" + name + "' has the url '" + url
								+ "', which is not an absolute http or https URL with a host; give one such as "
								+ "https://hooks.example.com/orders.");
			}
			if (url.getRawUserInfo() != null) {
				throw new PluginConfigurationException(key, "Endpoint '" + name
						+ "' has credentials in its url; remove them (the signature authenticates each delivery).");
			}
			if (url.getRawFragment() != null) {
				throw new PluginConfigurationException(key,
						"Endpoint '" + name + "' has a fragment (#...) in its url; remove it.");
			}
			IpAddress literal = literal(url.getHost());
			if (literal != null && !allowPrivateNetwork) {
				String range = PrivateNetworks.rangeOf(literal);
				if (range != null) {
					throw new PluginConfigurationException(key, "Endpoint '" + name + "' posts to " + url.getHost()
							+ ", an internal address (" + range + "); webhooks refuse internal addresses so that a "
							+ "manifest cannot be turned against the application's own network (SSRF). Give a public "
							+ "URL, or set allow-private-network: true on this endpoint if the receiver really is "
							+ "internal.");
				}
			}
		}

		/**
		 * The address of a host written as an IP literal, including the numeric forms
		 * that the resolver takes without a lookup ({@code 2130706433}, {@code 127.1}).
		 */
		private static @Nullable IpAddress literal(String host) {
			IpAddress literal = IpAddress.tryParse(host);
			if (literal == null && host.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'))) {
				try {
					literal = IpAddress.parse(InetAddress.getByName(host).getHostAddress());
				}
				catch (UnknownHostException ex) {
					return null;
				}
			}
			return literal;
		}

		private static byte[] decode(String name, String key, int index, String secret) {
			String problem = null;
			byte[] decoded = null;
			if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
				problem = "does not start with '" + SECRET_PREFIX + "'";
			}
			else {
				try {
					decoded = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
					if (decoded.length < MIN_SECRET_BYTES) {
						problem = "has a key of " + decoded.length + " bytes, fewer than " + MIN_SECRET_BYTES;
					}
				}
				catch (IllegalArgumentException ex) {
					problem = "is not valid base64 after '" + SECRET_PREFIX + "'";
				}
			}
			if (problem != null) {
				throw new PluginConfigurationException(key,
						"Secret " + (index + 1) + " of endpoint '" + name + "' " + problem
								+ ". Give a Standard Webhooks secret: '" + SECRET_PREFIX + "' followed by the "
								+ "base64 of " + MIN_SECRET_BYTES + " to 64 random bytes (such as the output of "
								+ "'openssl rand -base64 32').");
			}
			return decoded;
		}

	}

}
