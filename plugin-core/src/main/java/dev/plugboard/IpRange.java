package dev.plugboard;

import org.jspecify.annotations.Nullable;

/**
 * A range of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}),
 * or a single address ({@code 192.0.2.1}, {@code ::1}). Use it for allow and deny lists
 * and for {@link TrustedProxies}; parse configured values once at startup, then call
 * {@link #contains(IpAddress)} per request (it allocates nothing).
 *
 * <p>
 * IPv4 ranges are IPv4-mapped IPv6 ranges underneath: {@code 10.0.0.0/8} also contains
 * {@code ::ffff:10.1.2.3}; {@code 0.0.0.0/0} holds every IPv4 address and no other, and
 * {@code ::/0} holds every address. A range whose address has bits set beyond its prefix
 * ({@code 10.0.0.1/8}) is rejected as a likely typo.
 *
 * <p>
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class IpRange {

	private final IpAddress network;

	private final int prefixLength;

	private final long highMask;

	private final long lowMask;

	private final String text;

	private IpRange(IpAddress network, int prefixLength, long highMask, long lowMask, String text) {
		this.network = network;
		this.prefixLength = prefixLength;
		this.highMask = highMask;
		this.lowMask = lowMask;
		this.text = text;
	}

	/**
	 * Parse a range or a single address.
	 * @param text {@code address/prefix} or an address alone (a range of one address)
	 * @return the range
	 * @throws IllegalArgumentException when the text is not a valid address or range; the
	 * message says what is wrong and what a valid value looks like
	 */
	public static IpRange parse(String text) {
		String trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		String addressText = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		IpAddress address;
		try {
			address = IpAddress.parse(addressText);
		}
		catch (IllegalArgumentException ex) {
			String reason = String.valueOf(ex.getMessage());
			throw new IllegalArgumentException(
					"'" + text + "' is not an IP address or CIDR range: " + reason.substring(reason.indexOf(": ") + 2),
					ex);
		}
		boolean ipv4 = addressText.indexOf(':') < 0;
		int max = ipv4 ? 32 : 128;
		int prefixLength = max;
		if (slash >= 0) {
			prefixLength = prefixLength(trimmed.substring(slash + 1), max);
			if (prefixLength < 0) {
				throw new IllegalArgumentException("'" + text + "' is not a CIDR range: the prefix length after '/' "
						+ "must be a whole number from 0 to " + max + " for an IPv" + (ipv4 ? "4" : "6")
						+ " address, such as " + (ipv4 ? "10.0.0.0/8" : "2001:db8::/32"));
			}
		}
		int bits = ipv4 ? prefixLength + 96 : prefixLength;
		long highMask = (bits == 0) ? 0 : (bits >= 64) ? -1L : -1L << (64 - bits);
		long lowMask = (bits <= 64) ? 0 : (bits == 128) ? -1L : -1L << (128 - bits);
		if ((address.high() & ~highMask) != 0 || (address.low() & ~lowMask) != 0) {
			IpAddress start = IpAddress.of(address.high() & highMask, address.low() & lowMask);
			throw new IllegalArgumentException("'" + text + "' has bits set after its first " + prefixLength
					+ " bits, so it is not the start of a range; did you mean " + start + "/" + prefixLength + "?");
		}
		String canonical = (slash < 0) ? address.toString() : address + "/" + prefixLength;
		return new IpRange(address, prefixLength, highMask, lowMask, canonical);
	}

	private static int prefixLength(String text, int max) {
		if (text.isEmpty() || text.length() > 3) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (value > max) ? -1 : value;
	}

	/**
	 * Whether an address lies in this range.
	 * @param address the address, or {@code null} for an unknown one
	 * @return whether it is in the range; never for {@code null}
	 */
	public boolean contains(@Nullable IpAddress address) {
		return address != null && (address.high() & this.highMask) == this.network.high()
				&& (address.low() & this.lowMask) == this.network.low();
	}

	/**
	 * The number of leading bits that every address of the range shares, counted in the
	 * range's own family (0 to 32 for IPv4, 0 to 128 for IPv6).
	 * @return the prefix length
	 */
	public int prefixLength() {
		return this.prefixLength;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof IpRange range && range.network.equals(this.network) && range.highMask == this.highMask
				&& range.lowMask == this.lowMask;
	}

	@Override
	public int hashCode() {
		return this.network.hashCode() * 31 + Long.hashCode(this.lowMask);
	}

	/**
	 * The range in canonical form: {@code address/prefix}, or the address alone when it
	 * was written without a prefix.
	 * @return the range text
	 */
	@Override
	public String toString() {
		return this.text;
	}

}
