package dev.plugboard.builtin.ipfilter;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.builtin.ipfilter.IpFilterConfig.WrittenRule;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link IpFilterPlugin} through the dispatcher.
 */
class IpFilterPluginTests {

	private final PluginHarness harness = PluginHarness
		.of(new IpFilterPlugin(IpFilterConfig.of(
				List.of(new WrittenRule(List.of("/admin/**"), List.of("10.0.0.0/8", "2001:db8::/32"),
						List.of("10.6.6.6")), new WrittenRule(List.of("/**"), List.of(), List.of("198.51.100.0/24"))),
				List.of("192.0.2.10"))));

	@Test
	void allowListAdmitsItsRangesOnItsPaths() {
		assertThat(this.harness.beforeRequest(get("/admin/users", "10.1.2.3")).passed()).isTrue();
		assertThat(this.harness.beforeRequest(get("/admin", "2001:db8::7")).passed()).isTrue();
		assertThat(this.harness.beforeRequest(get("/admin", "::ffff:10.0.0.1")).passed()).isTrue();
	}

	@Test
	void clientOutsideTheAllowListIsForbiddenWithAProblemBody() {
		RequestResult result = this.harness.beforeRequest(get("/admin/users", "203.0.113.5"));
		assertThat(result.status()).isEqualTo(403);
		assertThat(result.rejection().code()).isEqualTo("ip-not-allowed");
		assertThat(result.rejection().plugin()).isEqualTo("ip-filter");
		assertThat(result.body()).contains("\"code\":\"ip-not-allowed\"")
			.contains("Requests from 203.0.113.5 are not allowed here.");
	}

	@Test
	void denyWinsOverAllow() {
		RequestResult result = this.harness.beforeRequest(get("/admin/users", "10.6.6.6"));
		assertThat(result.rejection().code()).isEqualTo("ip-denied");
	}

	@Test
	void otherPathsOnlySeeTheRulesThatMatchThem() {
		assertThat(this.harness.beforeRequest(get("/orders", "203.0.113.5")).passed()).isTrue();
		assertThat(this.harness.beforeRequest(get("/orders", "198.51.100.9")).rejection().code())
			.isEqualTo("ip-denied");
	}

	@Test
	void forwardedForIsBelievedOnlyFromATrustedProxy() {
		TestRequest viaProxy = get("/admin", "192.0.2.10").header("X-Forwarded-For", "10.0.0.1, 203.0.113.5");
		assertThat(this.harness.beforeRequest(viaProxy).rejection().code()).isEqualTo("ip-not-allowed");
		TestRequest spoofed = get("/admin", "203.0.113.5").header("X-Forwarded-For", "10.0.0.1");
		assertThat(this.harness.beforeRequest(spoofed).rejection().code()).isEqualTo("ip-not-allowed");
		TestRequest proxied = get("/admin", "192.0.2.10").header("X-Forwarded-For", "10.0.0.1");
		assertThat(this.harness.beforeRequest(proxied).passed()).isTrue();
	}

	@Test
	void unparseablePeerIsOutsideEveryAllowList() {
		assertThat(this.harness.beforeRequest(get("/admin", "unix-socket")).rejection().code())
			.isEqualTo("ip-not-allowed");
	}

	@Test
	void badRangeNamesItsKey() {
		assertThatExceptionOfType(PluginConfigurationException.class).isThrownBy(() -> IpFilterConfig
			.of(List.of(new WrittenRule(List.of("/**"), List.of(), List.of("10.0.0.0/8", "10.0.0.0/40"))), List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("rules[0].deny[1]"))
			.withMessageStartingWith("'10.0.0.0/40' is not a CIDR range");
	}

	@Test
	void badPatternAndEmptyRulesAreRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> IpFilterConfig
				.of(List.of(new WrittenRule(List.of("/a/{"), List.of("10.0.0.1"), List.of())), List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("rules[0].paths[0]"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(
					() -> IpFilterConfig.of(List.of(new WrittenRule(List.of("/**"), List.of(), List.of())), List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("rules[0]"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> IpFilterConfig.of(List.of(), List.of("10.0.0.1")))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("rules"));
	}

	private static TestRequest get(String path, String client) {
		return TestRequest.get(path).remoteAddress(client);
	}

}
