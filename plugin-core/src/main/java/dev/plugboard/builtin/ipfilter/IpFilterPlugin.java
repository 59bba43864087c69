package dev.plugboard.builtin.ipfilter;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.Forbidden;
import dev.plugboard.IpAddress;
import dev.plugboard.IpRange;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.TrustedProxies;

/**
 * Refuses requests by client address: every rule whose path patterns match the request
 * applies; a client in a rule's deny list, or outside its allow list when it has one, is
 * answered 403. The client address follows the {@link TrustedProxies} rule. Runs before
 * rate limiting, so refused clients use no tokens, and fails closed.
 *
 * @since 0.1.0
 */
public final class IpFilterPlugin implements BeforeRequestPlugin {

	/** The plugin's id. */
	public static final String ID = "ip-filter";

	/** The problem code when the client is in a deny list. */
	public static final String DENIED = "ip-denied";

	/** The problem code when the client is outside an allow list. */
	public static final String NOT_ALLOWED = "ip-not-allowed";

	private final CompiledRule[] rules;

	private final TrustedProxies trustedProxies;

	/**
	 * Create the plugin.
	 * @param config the rules and trusted proxies
	 */
	public IpFilterPlugin(IpFilterConfig config) {
		this.rules = config.rules().stream().map(CompiledRule::new).toArray(CompiledRule[]::new);
		this.trustedProxies = config.trustedProxies();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.RATE_LIMIT - 50;
	}

	@Override
	public OnError onError() {
		return OnError.FAIL_CLOSED;
	}

	@Override
	public void beforeRequest(RequestContext request) {
		PathContainer path = null;
		IpAddress client = null;
		boolean resolved = false;
		for (CompiledRule rule : this.rules) {
			if (path == null && !rule.everyPath) {
				path = PathContainer.parsePath(request.path());
			}
			if (!rule.matches(path)) {
				continue;
			}
			if (!resolved) {
				client = this.trustedProxies.clientAddress(request);
				resolved = true;
			}
			if (contains(rule.deny, client)) {
				throw new Forbidden(DENIED, "Requests from " + client + " are not allowed here.");
			}
			if (rule.allow.length > 0 && !contains(rule.allow, client)) {
				throw new Forbidden(NOT_ALLOWED, "Requests from " + ((client != null) ? client : "an unknown address")
						+ " are not allowed here.");
			}
		}
	}

	private static boolean contains(IpRange[] ranges, @Nullable IpAddress client) {
		for (IpRange range : ranges) {
			if (range.contains(client)) {
				return true;
			}
		}
		return false;
	}

	private static final class CompiledRule {

		private final PathPattern[] paths;

		private final boolean everyPath;

		private final IpRange[] allow;

		private final IpRange[] deny;

		CompiledRule(IpFilterConfig.Rule rule) {
			this.paths = rule.paths().toArray(new PathPattern[0]);
			this.everyPath = rule.paths().stream().map(PathPattern::getPatternString).anyMatch("/**"::equals);
			this.allow = rule.allow().toArray(new IpRange[0]);
			this.deny = rule.deny().toArray(new IpRange[0]);
		}

		boolean matches(@Nullable PathContainer path) {
			if (this.everyPath) {
				return true;
			}
			for (PathPattern pattern : this.paths) {
				if (path != null && pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}

	}

	@Override
	public String toString() {
		return "IpFilterPlugin[rules=" + this.rules.length + ", " + this.trustedProxies + "]";
	}

}
