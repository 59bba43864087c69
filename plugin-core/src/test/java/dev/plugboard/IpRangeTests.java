package dev.plugboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parsing and membership of {@link IpRange}.
 */
class IpRangeTests {

	@Test
	void ipv4RangeHoldsItsAddressesAndTheirMappedForms() {
		IpRange range = IpRange.parse("10.0.0.0/8");
		assertThat(range.contains(IpAddress.parse("10.0.0.0"))).isTrue();
		assertThat(range.contains(IpAddress.parse("10.255.255.255"))).isTrue();
		assertThat(range.contains(IpAddress.parse("::ffff:10.1.2.3"))).isTrue();
		assertThat(range.contains(IpAddress.parse("11.0.0.0"))).isFalse();
		assertThat(range.contains(IpAddress.parse("9.255.255.255"))).isFalse();
		assertThat(range.contains(IpAddress.parse("::a00:1"))).isFalse();
		assertThat(range.contains(null)).isFalse();
		assertThat(range.prefixLength()).isEqualTo(8);
	}

	@Test
	void slash32AndABareAddressHoldOneAddress() {
		IpRange range = IpRange.parse("192.0.2.7/32");
		assertThat(range.contains(IpAddress.parse("192.0.2.7"))).isTrue();
		assertThat(range.contains(IpAddress.parse("192.0.2.6"))).isFalse();
		assertThat(range.contains(IpAddress.parse("192.0.2.8"))).isFalse();
		assertThat(IpRange.parse("192.0.2.7")).isEqualTo(range).hasToString("192.0.2.7");
	}

	@Test
	void slash128HoldsOneIpv6Address() {
		IpRange range = IpRange.parse("2001:db8::1/128");
		assertThat(range.contains(IpAddress.parse("2001:0db8:0:0:0:0:0:1"))).isTrue();
		assertThat(range.contains(IpAddress.parse("2001:db8::2"))).isFalse();
		assertThat(range.contains(IpAddress.parse("2001:db8::"))).isFalse();
		assertThat(range).hasToString("2001:db8::1/128");
	}

	@Test
	void ipv6RangeWithAPrefixInsideTheLowHalf() {
		IpRange range = IpRange.parse("2001:db8:0:0:8000::/65");
		assertThat(range.contains(IpAddress.parse("2001:db8::8000:0:0:1"))).isTrue();
		assertThat(range.contains(IpAddress.parse("2001:db8::7fff:0:0:1"))).isFalse();
	}

	@Test
	void ipv4SlashZeroHoldsEveryIpv4AddressAndNoIpv6Address() {
		IpRange range = IpRange.parse("0.0.0.0/0");
		assertThat(range.contains(IpAddress.parse("0.0.0.0"))).isTrue();
		assertThat(range.contains(IpAddress.parse("255.255.255.255"))).isTrue();
		assertThat(range.contains(IpAddress.parse("2001:db8::1"))).isFalse();
		assertThat(range.prefixLength()).isZero();
	}

	@Test
	void ipv6SlashZeroHoldsEveryAddress() {
		IpRange range = IpRange.parse("::/0");
		assertThat(range.contains(IpAddress.parse("2001:db8::1"))).isTrue();
		assertThat(range.contains(IpAddress.parse("192.0.2.1"))).isTrue();
		assertThat(range.contains(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
	}

	@Test
	void compressedIpv6RangesAreCanonicalised() {
		IpRange range = IpRange.parse("2001:0DB8:0000::/32");
		assertThat(range).hasToString("2001:db8::/32");
		assertThat(range.contains(IpAddress.parse("2001:db8:ffff::1"))).isTrue();
		assertThat(range.contains(IpAddress.parse("2001:db9::1"))).isFalse();
	}

	@Test
	void mappedIpv6RangeHoldsIpv4Addresses() {
		IpRange range = IpRange.parse("::ffff:192.0.2.0/120");
		assertThat(range.contains(IpAddress.parse("192.0.2.200"))).isTrue();
		assertThat(range.contains(IpAddress.parse("192.0.3.1"))).isFalse();
	}

	@Test
	void hostBitsAfterThePrefixAreRejectedWithTheLikelyRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.1.2.3/8"))
			.withMessage("'10.1.2.3/8' has bits set after its first 8 bits, so it is not the start of a range; "
					+ "did you mean 10.0.0.0/8?");
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("2001:db8::1/64"))
			.withMessageEndingWith("did you mean 2001:db8::/64?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/a", "::/129", "10.0.0.0/8/8" })
	void badPrefixLengthsAreRejected(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse(text))
			.withMessageStartingWith("'" + text + "' is not a CIDR range: the prefix length after '/' must be a "
					+ "whole number from 0 to ");
	}

	@Test
	void badAddressesAreRejectedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.300/24"))
			.withMessage("'10.0.0.300/24' is not an IP address or CIDR range: an IPv4 address has four decimal "
					+ "numbers from 0 to 255 without leading zeros, such as 192.0.2.1");
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("intranet.example/24"))
			.withMessageContaining("host names are not resolved");
	}

}
