package dev.plugboard;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The trusted-proxies rule of {@link TrustedProxies}.
 */
class TrustedProxiesTests {

	private final TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));

	@Test
	void withoutTrustedProxiesTheHeaderIsIgnored() {
		assertThat(TrustedProxies.none().clientAddress("10.0.0.1", List.of("198.51.100.7")))
			.isEqualTo(IpAddress.parse("10.0.0.1"));
	}

	@Test
	void headerFromAnUntrustedPeerIsIgnored() {
		assertThat(this.proxies.clientAddress("203.0.113.9", List.of("198.51.100.7")))
			.isEqualTo(IpAddress.parse("203.0.113.9"));
	}

	@Test
	void rightmostUntrustedEntryIsTheClientAndEverythingLeftOfItIsIgnored() {
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of("1.1.1.1, 198.51.100.7, 10.0.0.2")))
			.isEqualTo(IpAddress.parse("198.51.100.7"));
	}

	@Test
	void severalHeaderLinesAreReadLastLineFirst() {
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of("1.1.1.1", "198.51.100.7", "10.0.0.3")))
			.isEqualTo(IpAddress.parse("198.51.100.7"));
	}

	@Test
	void whenEveryEntryIsTrustedTheLeftmostIsTheClient() {
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of("10.0.0.9,10.0.0.8")))
			.isEqualTo(IpAddress.parse("10.0.0.9"));
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of())).isEqualTo(IpAddress.parse("10.0.0.1"));
	}

	@Test
	void aMalformedEntryStopsTheWalkAtTheProxyThatPassedItOn() {
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of("198.51.100.7, evil, 10.0.0.2")))
			.isEqualTo(IpAddress.parse("10.0.0.2"));
	}

	@Test
	void portsAppendedByAProxyAreIgnored() {
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of("198.51.100.7:51234, 10.0.0.2:443")))
			.isEqualTo(IpAddress.parse("198.51.100.7"));
		assertThat(this.proxies.clientAddress("10.0.0.1", List.of("[2001:db8:1::5]:8443")))
			.isEqualTo(IpAddress.parse("2001:db8:1::5"));
	}

	@Test
	void ipv6ProxiesAndClients() {
		assertThat(this.proxies.clientAddress("2001:db8:ffff::1", List.of("[2001:db8:1::5], 2001:db8:ffff::2")))
			.isEqualTo(IpAddress.parse("2001:db8:1::5"));
	}

	@Test
	void readsTheHeaderFromARequest() {
		PluginHarness harness = PluginHarness.of(new BeforeRequestPlugin() {

			@Override
			public String id() {
				return "client";
			}

			@Override
			public void beforeRequest(RequestContext request) {
				request.setAttribute("client", String.valueOf(TrustedProxiesTests.this.proxies.clientAddress(request)));
			}

		});
		TestRequest request = TestRequest.get("/").remoteAddress("10.0.0.1").header("X-Forwarded-For", "192.0.2.1");
		assertThat(harness.beforeRequest(request).attribute("client")).isEqualTo("192.0.2.1");
		assertThat(harness.beforeRequest(request.remoteAddress("192.0.2.99")).attribute("client"))
			.isEqualTo("192.0.2.99");
	}

	@Test
	void aBadEntryInTheListIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/8", "10.0.0/8")))
			.withMessageStartingWith("'10.0.0/8' is not an IP address or CIDR range");
	}

}
