package dev.plugboard.builtin.ratelimit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.plugboard.OnError;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.TrustedProxies;
import dev.plugboard.builtin.ratelimit.RateLimitConfig.Backend;
import dev.plugboard.builtin.ratelimit.RateLimitConfig.Key;
import dev.plugboard.builtin.ratelimit.RateLimitConfig.Policy;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link RateLimitPlugin} with the local backend, through the dispatcher.
 */
class RateLimitPluginTests {

	private static final RateLimitConfig.Redis REDIS = new RateLimitConfig.Redis("redis://127.0.0.1:6379", "test:",
			Duration.ofSeconds(1), Duration.ofSeconds(1));

	@Test
	void admitsTheCapacityThenAnswers429WithRetryAfterAndRateLimitHeaders() {
		PluginHarness harness = harness(
				policy("login", List.of("/login"), List.of("POST"), Key.IP, null, 3, 3, Duration.ofMinutes(1)));
		RequestResult first = harness.beforeRequest(TestRequest.post("/login"));
		assertThat(first.passed()).isTrue();
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"login\";q=3;w=60");
		assertThat(first.header("RateLimit")).isEqualTo("\"login\";r=2;t=20");
		assertThat(harness.beforeRequest(TestRequest.post("/login")).header("RateLimit"))
			.isEqualTo("\"login\";r=1;t=40");
		assertThat(harness.beforeRequest(TestRequest.post("/login")).header("RateLimit"))
			.isEqualTo("\"login\";r=0;t=60");
		RequestResult rejected = harness.beforeRequest(TestRequest.post("/login"));
		assertThat(rejected.status()).isEqualTo(429);
		assertThat(rejected.rejection().code()).isEqualTo("rate-limited");
		assertThat(rejected.rejection().plugin()).isEqualTo("rate-limit");
		assertThat(rejected.header("Retry-After")).isEqualTo("20");
		assertThat(rejected.header("RateLimit-Policy")).isEqualTo("\"login\";q=3;w=60");
		assertThat(rejected.header("RateLimit")).isEqualTo("\"login\";r=0;t=60");
		assertThat(rejected.body()).contains("\"status\":429").contains("\"plugin\":\"rate-limit\"");
	}

	@Test
	void requestsNoPolicyMatchesAreNotCounted() {
		PluginHarness harness = harness(
				policy("login", List.of("/login"), List.of("POST"), Key.IP, null, 1, 1, Duration.ofMinutes(1)));
		for (int i = 0; i < 3; i++) {
			RequestResult other = harness.beforeRequest(TestRequest.get("/login"));
			assertThat(other.passed()).isTrue();
			assertThat(other.header("RateLimit")).isNull();
			assertThat(harness.beforeRequest(TestRequest.post("/orders")).passed()).isTrue();
		}
	}

	@Test
	void theFirstMatchingPolicyApplies() {
		PluginHarness harness = harness(
				policy("strict", List.of("/strict/**"), List.of(), Key.IP, null, 1, 1, Duration.ofMinutes(1)),
				policy("all", List.of("/**"), List.of(), Key.IP, null, 100, 100, Duration.ofMinutes(1)));
		assertThat(harness.beforeRequest(TestRequest.get("/strict/a")).passed()).isTrue();
		assertThat(harness.beforeRequest(TestRequest.get("/strict/b")).status()).isEqualTo(429);
		RequestResult other = harness.beforeRequest(TestRequest.get("/orders"));
		assertThat(other.header("RateLimit")).isEqualTo("\"all\";r=99;t=1");
	}

	@Test
	void eachClientAddressHasItsOwnBucket() {
		PluginHarness harness = harness(
				policy("all", List.of("/**"), List.of(), Key.IP, null, 1, 1, Duration.ofMinutes(1)));
		assertThat(harness.beforeRequest(TestRequest.get("/").remoteAddress("192.0.2.1")).passed()).isTrue();
		assertThat(harness.beforeRequest(TestRequest.get("/").remoteAddress("192.0.2.1")).status()).isEqualTo(429);
		assertThat(harness.beforeRequest(TestRequest.get("/").remoteAddress("192.0.2.2")).passed()).isTrue();
	}

	@Test
	void behindTrustedProxiesTheForwardedClientIsCounted() {
		RateLimitConfig config = new RateLimitConfig(
				List.of(policy("all", List.of("/**"), List.of(), Key.IP, null, 1, 1, Duration.ofMinutes(1))),
				TrustedProxies.parse(List.of("10.0.0.0/8")), OnError.FAIL_OPEN, Backend.LOCAL, 100, REDIS);
		PluginHarness harness = PluginHarness.of(new RateLimitPlugin(config));
		TestRequest viaProxy = TestRequest.get("/").remoteAddress("10.0.0.1");
		assertThat(harness.beforeRequest(viaProxy.header("X-Forwarded-For", "192.0.2.1")).passed()).isTrue();
		assertThat(harness.beforeRequest(viaProxy.header("X-Forwarded-For", "192.0.2.2")).passed()).isTrue();
		assertThat(harness.beforeRequest(viaProxy.header("X-Forwarded-For", "6.6.6.6, 192.0.2.1")).status())
			.isEqualTo(429);
		assertThat(harness
			.beforeRequest(TestRequest.get("/").remoteAddress("192.0.2.3").header("X-Forwarded-For", "192.0.2.99"))
			.passed()).isTrue();
		assertThat(harness
			.beforeRequest(TestRequest.get("/").remoteAddress("192.0.2.3").header("X-Forwarded-For", "192.0.2.100"))
			.status()).isEqualTo(429);
	}

	@Test
	void principalApiKeyAndHeaderKeysFallBackToTheAddress() {
		PluginHarness byPrincipal = harness(
				policy("p", List.of("/**"), List.of(), Key.PRINCIPAL, null, 1, 1, Duration.ofMinutes(1)));
		assertThat(byPrincipal.beforeRequest(TestRequest.get("/").principal("alice")).passed()).isTrue();
		assertThat(byPrincipal.beforeRequest(TestRequest.get("/").principal("bob")).passed()).isTrue();
		assertThat(byPrincipal.beforeRequest(TestRequest.get("/").principal("alice")).status()).isEqualTo(429);
		assertThat(byPrincipal.beforeRequest(TestRequest.get("/")).passed()).isTrue();
		assertThat(byPrincipal.beforeRequest(TestRequest.get("/")).status()).isEqualTo(429);

		PluginHarness byApiKey = harness(
				policy("k", List.of("/**"), List.of(), Key.API_KEY, null, 1, 1, Duration.ofMinutes(1)));
		assertThat(byApiKey.beforeRequest(TestRequest.get("/").header("X-Api-Key", "one")).passed()).isTrue();
		assertThat(byApiKey.beforeRequest(TestRequest.get("/").header("X-Api-Key", "two")).passed()).isTrue();
		assertThat(byApiKey.beforeRequest(TestRequest.get("/").header("X-Api-Key", "one")).status()).isEqualTo(429);

		PluginHarness byHeader = harness(
				policy("h", List.of("/**"), List.of(), Key.HEADER, "X-Tenant", 1, 1, Duration.ofMinutes(1)));
		assertThat(byHeader.beforeRequest(TestRequest.get("/").header("X-Tenant", "acme")).passed()).isTrue();
		assertThat(byHeader.beforeRequest(TestRequest.get("/").header("X-Tenant", "acme")).status()).isEqualTo(429);
		assertThat(byHeader.beforeRequest(TestRequest.get("/").header("X-Tenant", "x".repeat(500))).passed()).isTrue();
		assertThat(byHeader.beforeRequest(TestRequest.get("/")).passed()).isTrue();
	}

	@Test
	void aFloodOfDistinctClientsKeepsTheBucketMapBounded() {
		RateLimitPlugin plugin = new RateLimitPlugin(new RateLimitConfig(
				List.of(policy("all", List.of("/**"), List.of(), Key.IP, null, 5, 5, Duration.ofMinutes(1))),
				TrustedProxies.none(), OnError.FAIL_OPEN, Backend.LOCAL, 1_000, REDIS));
		PluginHarness harness = PluginHarness.of(plugin);
		for (int i = 0; i < 50_000; i++) {
			TestRequest request = TestRequest.get("/")
				.remoteAddress("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
			assertThat(harness.beforeRequest(request).passed()).isTrue();
			if (i % 5_000 == 0) {
				assertThat(plugin.localBuckets(0)).isLessThanOrEqualTo(1_000);
			}
		}
		assertThat(plugin.localBuckets(0)).isBetween(1L, 1_000L);
	}

	@Test
	void whenTheBackendIsDownOnErrorDecides() {
		Buckets down = (policy, key) -> {
			throw new Buckets.BackendUnavailable("down", new IllegalStateException());
		};
		List<Policy> policies = List
			.of(policy("all", List.of("/**"), List.of(), Key.IP, null, 1, 1, Duration.ofMinutes(1)));
		PluginHarness open = PluginHarness.of(new RateLimitPlugin(
				new RateLimitConfig(policies, TrustedProxies.none(), OnError.FAIL_OPEN, Backend.LOCAL, 10, REDIS),
				down));
		RequestResult admitted = open.beforeRequest(TestRequest.get("/"));
		assertThat(admitted.passed()).isTrue();
		assertThat(admitted.header("RateLimit")).isNull();
		PluginHarness closed = PluginHarness.of(new RateLimitPlugin(
				new RateLimitConfig(policies, TrustedProxies.none(), OnError.FAIL_CLOSED, Backend.LOCAL, 10, REDIS),
				down));
		RequestResult refused = closed.beforeRequest(TestRequest.get("/"));
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.body()).contains("\"plugin\":\"rate-limit\"").contains("\"code\":\"unavailable\"");
	}

	@Test
	void badPoliciesNameTheirKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> Policy.of("policies[0]", "a", List.of("/{x"), List.of(), Key.IP, null, 1, 1,
					Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("policies[0].paths[0]"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> Policy.of("policies[1]", "a", List.of("/**"), List.of(), Key.IP, null, 0, 1,
					Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("policies[1].capacity"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> Policy.of("policies[0]", "a", List.of("/**"), List.of(), Key.HEADER, " ", 1, 1,
					Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("policies[0].header"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> Policy.of("policies[0]", "a b", List.of("/**"), List.of(), Key.IP, null, 1, 1,
					Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("policies[0].name"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(
					() -> Policy.of("policies[0]", "a", List.of("/**"), List.of(), Key.IP, null, 1, 1, Duration.ZERO))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("policies[0].refill-period"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> Policy.of("policies[0]", "a", List.of("/**"), List.of(), Key.IP, null, 1, 2_000_000_000L,
					Duration.ofSeconds(1)))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("policies[0].refill-tokens"))
			.withMessageContaining("more than one token per nanosecond");
	}

	private static PluginHarness harness(Policy... policies) {
		return PluginHarness.of(new RateLimitPlugin(new RateLimitConfig(List.of(policies), TrustedProxies.none(),
				OnError.FAIL_OPEN, Backend.LOCAL, 10_000, REDIS)));
	}

	private static Policy policy(String name, List<String> paths, List<String> methods, Key key, String header,
			long capacity, long refillTokens, Duration period) {
		return Policy.of("policies[0]", name, paths, methods, key, header, capacity, refillTokens, period);
	}

}
