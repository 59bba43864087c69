package dev.plugboard.builtin.ipfilter;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import dev.plugboard.IpRange;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.TrustedProxies;

/**
 * The configuration of the {@link IpFilterPlugin}: its rules and the proxies whose
 * {@code X-Forwarded-For} it believes.
 *
 * @param rules the rules; every rule whose paths match a request applies
 * @param trustedProxies the trusted proxies, see {@link TrustedProxies}
 * @since 0.1.0
 */
public record IpFilterConfig(List<Rule> rules, TrustedProxies trustedProxies) {

	/**
	 * Copy the rules.
	 * @throws PluginConfigurationException when there is no rule
	 */
	public IpFilterConfig {
		if (rules.isEmpty()) {
			throw new PluginConfigurationException("rules",
					"ip-filter has no rules. Add at least one, such as rules: [{paths: [\"/admin/**\"], "
							+ "allow: [\"10.0.0.0/8\"]}].");
		}
		rules = List.copyOf(rules);
	}

	/**
	 * Build the configuration from manifest values, checking every address and pattern.
	 * @param rules the rules as written
	 * @param trustedProxies the trusted proxies as written, addresses or CIDR ranges
	 * @return the configuration
	 * @throws PluginConfigurationException naming the first key with a bad value
	 */
	public static IpFilterConfig of(List<WrittenRule> rules, List<String> trustedProxies) {
		List<Rule> parsed = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			parsed.add(rules.get(i).parse("rules[" + i + "]"));
		}
		return new IpFilterConfig(parsed, proxies(trustedProxies));
	}

	static TrustedProxies proxies(List<String> written) {
		List<IpRange> ranges = new ArrayList<>();
		for (int i = 0; i < written.size(); i++) {
			ranges.add(range("trusted-proxies[" + i + "]", written.get(i)));
		}
		return TrustedProxies.of(ranges);
	}

	static IpRange range(String key, String written) {
		try {
			return IpRange.parse(written);
		}
		catch (IllegalArgumentException ex) {
			throw new PluginConfigurationException(key, ex.getMessage()
					+ ". Write an IPv4 or IPv6 address or a CIDR range, such as 192.0.2.1, 10.0.0.0/8 or 2001:db8::/32.");
		}
	}

	/**
	 * A rule as written in the manifest.
	 *
	 * @param paths Spring path patterns the rule applies to, such as {@code /admin/**}
	 * @param allow addresses and CIDR ranges allowed; when not empty, every other client
	 * is refused
	 * @param deny addresses and CIDR ranges refused, even when allowed
	 */
	public record WrittenRule(List<String> paths, List<String> allow, List<String> deny) {

		Rule parse(String key) {
			if (this.allow.isEmpty() && this.deny.isEmpty()) {
				throw new PluginConfigurationException(key,
						"The rule has neither 'allow' nor 'deny' addresses, so it would do nothing. Add one of them, "
								+ "or remove the rule.");
			}
			if (this.paths.isEmpty()) {
				throw new PluginConfigurationException(key + ".paths",
						"The rule has no path patterns. Add some, such as [\"/**\"] for every path.");
			}
			List<PathPattern> patterns = new ArrayList<>();
			for (int i = 0; i < this.paths.size(); i++) {
				patterns.add(pattern(key + ".paths[" + i + "]", this.paths.get(i)));
			}
			return new Rule(patterns, ranges(key + ".allow", this.allow), ranges(key + ".deny", this.deny));
		}

		private static List<IpRange> ranges(String key, List<String> written) {
			List<IpRange> ranges = new ArrayList<>();
			for (int i = 0; i < written.size(); i++) {
				ranges.add(range(key + "[" + i + "]", written.get(i)));
			}
			return ranges;
		}

	}

	static PathPattern pattern(String key, String written) {
		try {
			return PathPatternParser.defaultInstance.parse(written);
		}
		catch (PatternParseException ex) {
			throw new PluginConfigurationException(key, "'" + written + "' is not a path pattern: " + ex.getMessage()
					+ ". Write a Spring path pattern, such as /admin/** or /orders/{id}.");
		}
	}

	/**
	 * A rule: the paths it guards, and the client ranges it allows and denies.
	 *
	 * @param paths the path patterns
	 * @param allow the allowed ranges; empty to allow every client not denied
	 * @param deny the denied ranges
	 */
	public record Rule(List<PathPattern> paths, List<IpRange> allow, List<IpRange> deny) {

		/**
		 * Copy the lists.
		 */
		public Rule {
			paths = List.copyOf(paths);
			allow = List.copyOf(allow);
			deny = List.copyOf(deny);
		}

	}

}
