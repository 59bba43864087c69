package dev.plugboard;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address, parsed from its literal text without any DNS lookup. Use it to
 * compare a client's address with configured addresses and ranges ({@link IpRange}), for
 * example after {@link TrustedProxies#clientAddress(RequestContext)} has found the client
 * behind a proxy.
 *
 * <p>
 * An IPv4 address and its IPv4-mapped IPv6 form ({@code ::ffff:192.0.2.1}) are the same
 * address: they are equal, and both print as {@code 192.0.2.1}. IPv6 addresses print in
 * the canonical form of RFC 5952 (lower case, the longest run of zero groups as
 * {@code ::}). A zone id ({@code fe80::1%eth0}) is accepted and ignored.
 *
 * <p>
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class IpAddress {

	private static final long MAPPED_PREFIX = 0x0000_ffff_0000_0000L;

	private final long high;

	private final long low;

	private IpAddress(long high, long low) {
		this.high = high;
		this.low = low;
	}

	/**
	 * Parse an address literal.
	 * @param text an IPv4 address in dotted-quad form ({@code 192.0.2.1}) or an IPv6
	 * address in any RFC 4291 form ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}),
	 * optionally in brackets ({@code [::1]})
	 * @return the address
	 * @throws IllegalArgumentException when the text is not an IP address literal; the
	 * message says why
	 */
	public static IpAddress parse(String text) {
		IpAddress address = tryParse(text);
		if (address == null) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address: " + problem(text));
		}
		return address;
	}

	/**
	 * Parse an address literal, for text that may be anything (a request header).
	 * @param text the text, in any form {@link #parse(String)} accepts
	 * @return the address, or {@code null} when the text is not an IP address literal
	 */
	public static @Nullable IpAddress tryParse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == ' ') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == ' ') {
			end--;
		}
		if (end - start >= 2 && text.charAt(start) == '[' && text.charAt(end - 1) == ']') {
			start++;
			end--;
		}
		int zone = text.indexOf('%', start);
		if (zone >= 0 && zone < end) {
			end = zone;
		}
		if (start == end) {
			return null;
		}
		if (text.indexOf(':', start) < 0 || text.indexOf(':', start) >= end) {
			long ipv4 = parseIpv4(text, start, end);
			return (ipv4 < 0) ? null : new IpAddress(0, MAPPED_PREFIX | ipv4);
		}
		return parseIpv6(text, start, end);
	}

	/**
	 * Whether this is an IPv4 address (or an IPv4-mapped IPv6 address, which is the
	 * same).
	 * @return whether the address is IPv4
	 */
	public boolean isIpv4() {
		return this.high == 0 && (this.low & 0xffff_ffff_0000_0000L) == MAPPED_PREFIX;
	}

	static IpAddress of(long high, long low) {
		return new IpAddress(high, low);
	}

	long high() {
		return this.high;
	}

	long low() {
		return this.low;
	}

	/**
	 * Returns -1 when malformed, else the 32-bit value.
	 */
	private static long parseIpv4(String text, int start, int end) {
		long value = 0;
		int octets = 0;
		int i = start;
		while (i <= end) {
			int octetStart = i;
			int octet = 0;
			while (i < end && text.charAt(i) != '.') {
				char c = text.charAt(i);
				if (c < '0' || c > '9' || i - octetStart >= 3) {
					return -1;
				}
				octet = octet * 10 + (c - '0');
				i++;
			}
			int length = i - octetStart;
			if (length == 0 || octet > 255 || (length > 1 && text.charAt(octetStart) == '0')) {
				return -1;
			}
			value = (value << 8) | octet;
			octets++;
			if (octets > 4) {
				return -1;
			}
			i++;
		}
		return (octets == 4) ? value : -1;
	}

	private static @Nullable IpAddress parseIpv6(String text, int start, int end) {
		int[] groups = new int[8];
		int count = 0;
		int gap = -1;
		int i = start;
		if (text.startsWith("::", start)) {
			gap = 0;
			i += 2;
			if (i == end) {
				return new IpAddress(0, 0);
			}
		}
		else if (text.charAt(start) == ':') {
			return null;
		}
		while (i < end) {
			if (count == 8) {
				return null;
			}
			int groupStart = i;
			int group = 0;
			while (i < end && text.charAt(i) != ':') {
				char c = text.charAt(i);
				if (c == '.') {
					if (count > 6) {
						return null;
					}
					long ipv4 = parseIpv4(text, groupStart, end);
					if (ipv4 < 0) {
						return null;
					}
					groups[count++] = (int) (ipv4 >>> 16);
					groups[count++] = (int) (ipv4 & 0xffff);
					i = end;
					group = -1;
					break;
				}
				int digit = hexDigit(c);
				if (digit < 0 || i - groupStart >= 4) {
					return null;
				}
				group = (group << 4) | digit;
				i++;
			}
			if (group == -1) {
				break;
			}
			if (i == groupStart) {
				return null;
			}
			groups[count++] = group;
			if (i < end) {
				i++;
				if (i == end) {
					return null;
				}
				if (text.charAt(i) == ':') {
					if (gap >= 0) {
						return null;
					}
					gap = count;
					i++;
				}
			}
		}
		if (gap >= 0) {
			if (count == 8) {
				return null;
			}
			int shift = 8 - count;
			System.arraycopy(groups, gap, groups, gap + shift, count - gap);
			for (int g = gap; g < gap + shift; g++) {
				groups[g] = 0;
			}
		}
		else if (count != 8) {
			return null;
		}
		long high = 0;
		long low = 0;
		for (int g = 0; g < 4; g++) {
			high = (high << 16) | groups[g];
			low = (low << 16) | groups[g + 4];
		}
		return new IpAddress(high, low);
	}

	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	private static String problem(String text) {
		if (text.isBlank()) {
			return "it is blank";
		}
		String trimmed = text.strip();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (Character.isLetter(c) && hexDigit(c) < 0) {
				return "an address literal has only digits, hex digits, '.' and ':' (host names are not resolved)";
			}
		}
		if (trimmed.indexOf('/') >= 0) {
			return "it is a range; write a single address, or use a range where one is allowed";
		}
		if (trimmed.indexOf(':') < 0) {
			return "an IPv4 address has four decimal numbers from 0 to 255 without leading zeros, such as 192.0.2.1";
		}
		return "an IPv6 address has eight groups of up to four hex digits, with at most one '::', such as 2001:db8::1";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof IpAddress address && address.high == this.high && address.low == this.low;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.high) * 31 + Long.hashCode(this.low);
	}

	/**
	 * The address in canonical form: dotted quad for IPv4, RFC 5952 for IPv6.
	 * @return the address text
	 */
	@Override
	public String toString() {
		if (isIpv4()) {
			return ((this.low >>> 24) & 0xff) + "." + ((this.low >>> 16) & 0xff) + "." + ((this.low >>> 8) & 0xff) + "."
					+ (this.low & 0xff);
		}
		int[] groups = new int[8];
		for (int g = 0; g < 4; g++) {
			groups[g] = (int) ((this.high >>> (48 - 16 * g)) & 0xffff);
			groups[g + 4] = (int) ((this.low >>> (48 - 16 * g)) & 0xffff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int g = 0; g < 8;) {
			if (groups[g] != 0) {
				g++;
				continue;
			}
			int run = g;
			while (run < 8 && groups[run] == 0) {
				run++;
			}
			if (run - g > bestLength) {
				bestStart = g;
				bestLength = run - g;
			}
			g = run;
		}
		StringBuilder text = new StringBuilder(39);
		for (int g = 0; g < 8; g++) {
			if (g == bestStart) {
				text.append("::");
				g += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[g]));
		}
		return text.toString();
	}

}
