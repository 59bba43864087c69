package dev.plugboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Finds the client's address behind reverse proxies you trust. Use it in any plugin that
 * decides by client address (rate limits, allow and deny lists) when the application runs
 * behind a load balancer that appends the client's address to {@code X-Forwarded-For}.
 *
 * <p>
 * The rule: the {@code X-Forwarded-For} header is honoured only when the direct peer
 * ({@link RequestContext#remoteAddress()}) is a trusted proxy. Its entries are then read
 * from the right (the last header line last), skipping trusted proxies; the first entry
 * that is not a trusted proxy is the client. Entries to its left were written by the
 * client itself and are never believed. When every entry is a trusted proxy the leftmost
 * one is the client; when an entry is not an IP address the walk stops and the proxy that
 * passed it on is the client. Without trusted proxies the header is ignored and the
 * client is the direct peer. The RFC 7239 {@code Forwarded} header is not read.
 *
 * <p>
 * Immutable and thread-safe; build it once at startup.
 *
 * @since 0.1.0
 */
public final class TrustedProxies {

	/** The header the proxies append the client's address to. */
	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private static final TrustedProxies NONE = new TrustedProxies(new IpRange[0]);

	private final IpRange[] proxies;

	private TrustedProxies(IpRange[] proxies) {
		this.proxies = proxies;
	}

	/**
	 * Trust no proxy: the client is always the direct peer.
	 * @return the rule
	 */
	public static TrustedProxies none() {
		return NONE;
	}

	/**
	 * Trust the proxies in these ranges.
	 * @param proxies the addresses or ranges of the trusted proxies
	 * @return the rule
	 */
	public static TrustedProxies of(Collection<IpRange> proxies) {
		return proxies.isEmpty() ? NONE : new TrustedProxies(proxies.toArray(new IpRange[0]));
	}

	/**
	 * Trust the proxies in these ranges, written as in a manifest.
	 * @param proxies addresses or CIDR ranges, such as {@code 10.0.0.0/8}
	 * @return the rule
	 * @throws IllegalArgumentException when an entry is not an address or range; the
	 * message names it
	 */
	public static TrustedProxies parse(Collection<String> proxies) {
		List<IpRange> ranges = new ArrayList<>(proxies.size());
		for (String proxy : proxies) {
			ranges.add(IpRange.parse(proxy));
		}
		return of(ranges);
	}

	/**
	 * Whether any proxy is trusted; when none is, {@code X-Forwarded-For} is never read.
	 * @return whether the rule trusts no proxy
	 */
	public boolean isEmpty() {
		return this.proxies.length == 0;
	}

	/**
	 * Whether an address is one of the trusted proxies.
	 * @param address the address, or {@code null}
	 * @return whether it is trusted; never for {@code null}
	 */
	public boolean isTrusted(@Nullable IpAddress address) {
		for (IpRange proxy : this.proxies) {
			if (proxy.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client's address for a request, by the rule above.
	 * @param request the current request
	 * @return the client's address, or {@code null} when the direct peer's address is not
	 * an IP address (a Unix domain socket)
	 */
	public @Nullable IpAddress clientAddress(RequestContext request) {
		IpAddress peer = IpAddress.tryParse(request.remoteAddress());
		if (peer == null || !isTrusted(peer)) {
			return peer;
		}
		Enumeration<String> headers = request.servletRequest().getHeaders(X_FORWARDED_FOR);
		List<String> forwardedFor = (headers != null) ? Collections.list(headers) : List.of();
		return walk(peer, forwardedFor);
	}

	/**
	 * The client's address from the direct peer and the {@code X-Forwarded-For} header
	 * lines, by the rule above.
	 * @param remoteAddress the direct peer's address
	 * @param forwardedFor every line of the header, in the order received
	 * @return the client's address, or {@code null} when the peer's address is not an IP
	 * address
	 */
	public @Nullable IpAddress clientAddress(String remoteAddress, List<String> forwardedFor) {
		IpAddress peer = IpAddress.tryParse(remoteAddress);
		if (peer == null || !isTrusted(peer)) {
			return peer;
		}
		return walk(peer, forwardedFor);
	}

	private IpAddress walk(IpAddress peer, List<String> forwardedFor) {
		IpAddress client = peer;
		for (int line = forwardedFor.size() - 1; line >= 0; line--) {
			String value = forwardedFor.get(line);
			int end = value.length();
			while (end >= 0) {
				int comma = value.lastIndexOf(',', end - 1);
				String entry = value.substring(comma + 1, end).strip();
				end = comma;
				if (entry.isEmpty() && comma < 0 && value.isBlank()) {
					break;
				}
				IpAddress hop = IpAddress.tryParse(withoutPort(entry));
				if (hop == null) {
					return client;
				}
				client = hop;
				if (!isTrusted(hop)) {
					return hop;
				}
			}
		}
		return client;
	}

	/**
	 * Some proxies append the client's port: {@code 192.0.2.1:5678},
	 * {@code [2001:db8::1]:5678}.
	 */
	private static String withoutPort(String entry) {
		if (entry.startsWith("[")) {
			int close = entry.indexOf("]:");
			return (close > 0) ? entry.substring(1, close) : entry;
		}
		int colon = entry.indexOf(':');
		if (colon > 0 && entry.indexOf(':', colon + 1) < 0 && entry.indexOf('.') > 0) {
			return entry.substring(0, colon);
		}
		return entry;
	}

	@Override
	public String toString() {
		return "TrustedProxies" + java.util.Arrays.toString(this.proxies);
	}

}
