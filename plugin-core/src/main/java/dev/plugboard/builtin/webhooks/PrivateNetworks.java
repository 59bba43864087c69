package dev.plugboard.builtin.webhooks;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.plugboard.IpAddress;
import dev.plugboard.IpRange;

/**
 * The address ranges a webhook must not reach unless its endpoint allows the private
 * network: loopback, private (RFC 1918, unique local), link-local (with the cloud
 * metadata address 169.254.169.254), the unspecified address, multicast, carrier-grade
 * NAT and the other reserved blocks. An IPv4-mapped IPv6 address is checked as the IPv4
 * address it maps.
 */
final class PrivateNetworks {

	private static final Map<IpRange, String> RANGES = new LinkedHashMap<>();

	static {
		add("0.0.0.0/8", "'this network', which reaches the local host");
		add("127.0.0.0/8", "loopback");
		add("10.0.0.0/8", "private network");
		add("172.16.0.0/12", "private network");
		add("192.168.0.0/16", "private network");
		add("169.254.0.0/16", "link-local, which holds the cloud metadata service");
		add("100.64.0.0/10", "carrier-grade NAT");
		add("192.0.0.0/24", "IETF protocol assignments");
		add("198.18.0.0/15", "benchmarking network");
		add("224.0.0.0/4", "multicast");
		add("240.0.0.0/4", "reserved, and broadcast");
		add("::/128", "unspecified address");
		add("::1/128", "loopback");
		add("fc00::/7", "unique local (private) network");
		add("fe80::/10", "link-local");
		add("fec0::/10", "site-local");
		add("ff00::/8", "multicast");
	}

	private PrivateNetworks() {
	}

	private static void add(String range, String description) {
		RANGES.put(IpRange.parse(range), range + ", " + description);
	}

	/**
	 * The internal range an address is in.
	 * @param address the address
	 * @return the range and what it is, or {@code null} for a public address
	 */
	static @Nullable String rangeOf(IpAddress address) {
		for (Map.Entry<IpRange, String> range : RANGES.entrySet()) {
			if (range.getKey().contains(address)) {
				return range.getValue();
			}
		}
		return null;
	}

	/**
	 * The internal range a resolved address is in.
	 * @param address the address
	 * @return the range and what it is, or {@code null} for a public address
	 */
	static @Nullable String rangeOf(InetAddress address) {
		String range = rangeOf(IpAddress.parse(address.getHostAddress()));
		if (range != null) {
			return range;
		}
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return address.getHostAddress() + ", an internal address";
		}
		return null;
	}

}
