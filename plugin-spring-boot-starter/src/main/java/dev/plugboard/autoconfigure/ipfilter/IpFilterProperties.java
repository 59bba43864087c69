package dev.plugboard.autoconfigure.ipfilter;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code ip-filter} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.ip-filter")
public class IpFilterProperties {

	/**
	 * Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For header is
	 * believed. Empty to ignore the header and use the connection's peer address.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * Rules, each applying to the requests whose path matches one of its patterns. A
	 * request must pass every rule that applies.
	 */
	private List<Rule> rules = new ArrayList<>();

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * One rule: the paths it guards and the clients it allows and denies.
	 */
	public static class Rule {

		/**
		 * Spring path patterns the rule applies to, such as /admin/**.
		 */
		private List<String> paths = new ArrayList<>(List.of("/**"));

		/**
		 * Addresses and CIDR ranges allowed. When not empty, every other client is
		 * refused with 403.
		 */
		private List<String> allow = new ArrayList<>();

		/**
		 * Addresses and CIDR ranges refused with 403, even when in the allow list.
		 */
		private List<String> deny = new ArrayList<>();

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getAllow() {
			return this.allow;
		}

		public void setAllow(List<String> allow) {
			this.allow = allow;
		}

		public List<String> getDeny() {
			return this.deny;
		}

		public void setDeny(List<String> deny) {
			this.deny = deny;
		}

	}

}
