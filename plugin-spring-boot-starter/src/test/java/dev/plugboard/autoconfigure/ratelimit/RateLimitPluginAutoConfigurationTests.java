package dev.plugboard.autoconfigure.ratelimit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.ratelimit.RateLimitPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code rate-limit} built-in's auto-configuration: absent unless listed, bound from
 * YAML, guarded by its libraries, and bad values stopping the boot with a clear failure
 * analysis.
 */
class RateLimitPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RateLimitPluginAutoConfiguration.class, PlugboardAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RateLimitPluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("rate-limit");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitPluginDefinition.class));
	}

	@Test
	void policiesBindFromYamlIntoAPluginThatLimits() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    rate-limit:
				      trusted-proxies: [10.0.0.0/8]
				      policies:
				        - name: login
				          paths: ["/login"]
				          methods: [post]
				          capacity: 2
				          refill-tokens: 1
				          refill-period: 30s
				        - name: everything
				          capacity: 1000
				""")).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredPlugin registered = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(registered.id()).isEqualTo(RateLimitPlugin.ID);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			PluginHarness harness = PluginHarness.of(registered.plugin());
			TestRequest login = TestRequest.post("/login")
				.remoteAddress("10.0.0.1")
				.header("X-Forwarded-For", "192.0.2.1");
			assertThat(harness.beforeRequest(login).header("RateLimit-Policy")).isEqualTo("\"login\";q=2;w=60");
			assertThat(harness.beforeRequest(login).passed()).isTrue();
			RequestResult rejected = harness.beforeRequest(login);
			assertThat(rejected.status()).isEqualTo(429);
			assertThat(rejected.header("Retry-After")).isEqualTo("30");
			assertThat(harness.beforeRequest(TestRequest.get("/login")).header("RateLimit-Policy"))
				.isEqualTo("\"everything\";q=1000;w=60");
		});
	}

	@Test
	void listedWithoutPoliciesStopsTheBoot() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("plugboard.plugins.rate-limit: {}"))
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'rate-limit' needs 'policies'"));
	}

	@Test
	void badTrustedProxyStopsTheBootNamingIt() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.rate-limit.policies[0].name=all",
					"plugboard.plugins.rate-limit.trusted-proxies[0]=10.0.0.1/8")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'rate-limit' cannot use the value of 'trusted-proxies[0]' "
						+ "(plugboard.plugins.rate-limit.trusted-proxies[0]). '10.0.0.1/8' has bits set after its "
						+ "first 8 bits, so it is not the start of a range; did you mean 10.0.0.0/8?. Write an IPv4 "
						+ "or IPv6 address or a CIDR range, such as 10.0.0.0/8 or 2001:db8::/32."));
	}

	@Test
	void headerKeyWithoutAHeaderStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.rate-limit.policies[0].name=tenants",
					"plugboard.plugins.rate-limit.policies[0].key=header")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'rate-limit' needs 'policies[0].header', but its manifest entry has none "
						+ "(plugboard.plugins.rate-limit.policies[0].header). The policy counts by header but names "
						+ "none. Set 'header', such as X-Tenant-Id."));
	}

	@Test
	void withoutBucket4jListingThePluginSaysWhichLibraryToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
			.withPropertyValues("plugboard.plugins.rate-limit.policies[0].name=all")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("rate-limit counts requests with Bucket4j, which is not on the classpath. Add "
						+ "com.bucket4j:bucket4j_jdk17-core"));
	}

	@Test
	void withoutBucket4jAndUnlistedTheAppStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RateLimitPluginDefinition.class));
	}

	@Test
	void redisBackendWithoutLettuceSaysWhichLibraryToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.withPropertyValues("plugboard.plugins.rate-limit.policies[0].name=all",
					"plugboard.plugins.rate-limit.backend=redis")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("The redis backend needs Lettuce and Bucket4j's Lettuce integration on the classpath."));
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.rate-limit.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.rate-limit.backend",
				"plugboard.plugins.rate-limit.on-error", "plugboard.plugins.rate-limit.max-keys",
				"plugboard.plugins.rate-limit.trusted-proxies", "plugboard.plugins.rate-limit.policies",
				"plugboard.plugins.rate-limit.redis.url", "plugboard.plugins.rate-limit.redis.key-prefix",
				"plugboard.plugins.rate-limit.redis.connect-timeout", "plugboard.plugins.rate-limit.redis.timeout");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.rate-limit.max-keys")).contains(entry("defaultValue", 100000));
		assertThat(properties.get("plugboard.plugins.rate-limit.redis.key-prefix"))
			.contains(entry("defaultValue", "plugboard:rate-limit:"));
	}

}
