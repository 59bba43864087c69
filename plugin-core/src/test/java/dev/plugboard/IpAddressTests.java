package dev.plugboard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parsing and printing of {@link IpAddress}.
 */
class IpAddressTests {

	@ParameterizedTest
	@CsvSource({ "192.0.2.1, 192.0.2.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255", "::, ::", "::1, ::1",
			"0:0:0:0:0:0:0:1, ::1", "2001:DB8:0:0:0:0:0:1, 2001:db8::1", "2001:db8::, 2001:db8::",
			"2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
			"fe80::1%eth0, fe80::1", "[2001:db8::2], 2001:db8::2", "::ffff:192.0.2.1, 192.0.2.1",
			"::ffff:c000:0201, 192.0.2.1", "64:ff9b::192.0.2.33, 64:ff9b::c000:221", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
			"::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8" })
	void parsesLiteralsAndPrintsThemCanonically(String text, String canonical) {
		assertThat(IpAddress.parse(text)).hasToString(canonical);
	}

	@Test
	void ipv4AndItsMappedIpv6FormAreTheSameAddress() {
		IpAddress ipv4 = IpAddress.parse("192.0.2.1");
		IpAddress mapped = IpAddress.parse("::ffff:192.0.2.1");
		assertThat(mapped).isEqualTo(ipv4).hasSameHashCodeAs(ipv4);
		assertThat(mapped.isIpv4()).isTrue();
		assertThat(IpAddress.parse("::192.0.2.1").isIpv4()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4.", ".1.2.3.4", "1..2.3",
			"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::", "g::1",
			":::", "1:2:3:4:5:6:7:8::", "::1.2.3", "1.2.3.4::", "::ffff:256.0.0.1", "localhost", "1.2.3.4/32",
			"\u0661.2.3.4" })
	void rejectsWhatIsNotALiteral(String text) {
		assertThat(IpAddress.tryParse(text)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddress.parse(text))
			.withMessageStartingWith("'" + text + "' is not an IP address");
	}

	@Test
	void namesAreNeverResolvedAndTheMessageSaysSo() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddress.parse("example.com"))
			.withMessage("'example.com' is not an IP address: an address literal has only digits, hex digits, '.' "
					+ "and ':' (host names are not resolved)");
	}

	@Test
	void malformedIpv4SaysWhatAnAddressLooksLike() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAddress.parse("10.0.0.256"))
			.withMessage("'10.0.0.256' is not an IP address: an IPv4 address has four decimal numbers from 0 to 255 "
					+ "without leading zeros, such as 192.0.2.1");
	}

}
