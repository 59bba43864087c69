package dev.plugboard.builtin.securityheaders;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.plugboard.PluginConfigurationException;

/**
 * Addresses and CIDR ranges of trusted proxies, matched against the address the servlet
 * container reports. Only IP literals are accepted, so that nothing here ever resolves a
 * host name.
 */
final class TrustedProxies {

	private static final TrustedProxies NONE = new TrustedProxies(new byte[0][], new int[0]);

	private final byte[][] networks;

	private final int[] prefixes;

	private TrustedProxies(byte[][] networks, int[] prefixes) {
		this.networks = networks;
		this.prefixes = prefixes;
	}

	/**
	 * Parse addresses ({@code 10.0.0.1}, {@code ::1}) and ranges ({@code 10.0.0.0/8},
	 * {@code fd00::/8}).
	 * @param entries the entries
	 * @param key the configuration key, for errors
	 * @return the proxies
	 * @throws PluginConfigurationException when an entry is not an IP literal or range
	 */
	static TrustedProxies of(List<String> entries, String key) {
		if (entries.isEmpty()) {
			return NONE;
		}
		byte[][] networks = new byte[entries.size()][];
		int[] prefixes = new int[entries.size()];
		for (int i = 0; i < entries.size(); i++) {
			String entry = entries.get(i).trim();
			int slash = entry.indexOf('/');
			String address = (slash >= 0) ? entry.substring(0, slash) : entry;
			byte[] bytes = parse(address);
			if (bytes == null) {
				throw new PluginConfigurationException(key + "[" + i + "]", "'" + entry
						+ "' is not an IP address or CIDR range. Use a literal such as 10.0.0.1, 10.0.0.0/8 or fd00::/8.");
			}
			int prefix = bytes.length * 8;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bytes.length * 8) {
					throw new PluginConfigurationException(key + "[" + i + "]", "'" + entry
							+ "' has an invalid prefix length. Use 0 to " + (bytes.length * 8) + " after the '/'.");
				}
			}
			networks[i] = bytes;
			prefixes[i] = prefix;
		}
		return new TrustedProxies(networks, prefixes);
	}

	/**
	 * Whether an address is one of the proxies.
	 * @param address the remote address, as the container reports it
	 * @return whether it matches an entry
	 */
	boolean contains(@Nullable String address) {
		if (this.networks.length == 0 || address == null) {
			return false;
		}
		byte[] bytes = parse(address);
		if (bytes == null) {
			return false;
		}
		for (int i = 0; i < this.networks.length; i++) {
			if (matches(this.networks[i], this.prefixes[i], bytes)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(byte[] network, int prefix, byte[] address) {
		if (network.length != address.length) {
			return false;
		}
		int whole = prefix / 8;
		for (int i = 0; i < whole; i++) {
			if (network[i] != address[i]) {
				return false;
			}
		}
		int rest = prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (network[whole] & mask) == (address[whole] & mask);
	}

	private static byte @Nullable [] parse(String address) {
		if (!isLiteral(address)) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean isLiteral(String address) {
		if (address.isEmpty()) {
			return false;
		}
		boolean colon = address.indexOf(':') >= 0;
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || c == '.' || (colon
					&& (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '[' || c == ']'));
			if (!allowed) {
				return false;
			}
		}
		return colon || address.chars().filter((c) -> c == '.').count() == 3;
	}

}
