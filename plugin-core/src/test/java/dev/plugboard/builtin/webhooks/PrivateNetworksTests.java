package dev.plugboard.builtin.webhooks;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which resolved addresses the SSRF guard counts as internal.
 */
class PrivateNetworksTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
			"169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1",
			"239.255.255.250", "255.255.255.255", "::1", "::", "fc00::1", "fd00:ec2::254", "fe80::1", "ff02::1",
			"::ffff:10.0.0.1", "::ffff:169.254.169.254" })
	void internalAddressesAreRecognised(String address) throws Exception {
		assertThat(PrivateNetworks.rangeOf(InetAddress.getByName(address))).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.215.14", "172.15.255.255", "172.32.0.1", "100.63.255.255",
			"100.128.0.1", "192.169.0.1", "169.253.255.255", "2606:4700:4700::1111", "2001:4860:4860::8888" })
	void publicAddressesPass(String address) throws Exception {
		assertThat(PrivateNetworks.rangeOf(InetAddress.getByName(address))).isNull();
	}

}
