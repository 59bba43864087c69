package dev.plugboard.autoconfigure.securityheaders;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.PluginDefinition;
import dev.plugboard.PluginOrder;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.securityheaders.SecurityHeadersPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code security-headers} built-in through its auto-configuration: created only when
 * listed, every key bound from YAML, and a bad value stopping the boot.
 */
class SecurityHeadersPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, SecurityHeadersPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginWritesTheDefaults() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    security-headers: {}
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context.getBean(PluginRegistry.class));
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(registered.order()).isEqualTo(PluginOrder.REQUEST_ID + 50);
			RequestResult result = PluginHarness.of(registered.plugin()).beforeRequest(TestRequest.get("/")).complete();
			assertThat(result.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(result.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(result.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		});
	}

	@Test
	void everyKeyIsBoundFromYaml() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    security-headers:
				      hsts:
				        max-age: 1d
				        include-sub-domains: false
				        preload: true
				      content-type-options: false
				      frame-options: sameorigin
				      referrer-policy: no-referrer
				      permissions-policy: camera=()
				      content-security-policy:
				        policy: default-src 'self'
				        report-only: true
				      trusted-proxies: [10.0.0.0/8]
				""")).run((context) -> {
			PluginHarness harness = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin());
			RequestResult result = harness
				.beforeRequest(TestRequest.get("/").remoteAddress("10.0.0.7").header("X-Forwarded-Proto", "https"))
				.complete();
			assertThat(result.header("Strict-Transport-Security")).isEqualTo("max-age=86400; preload");
			assertThat(result.header("X-Content-Type-Options")).isNull();
			assertThat(result.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
			assertThat(result.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(result.header("Permissions-Policy")).isEqualTo("camera=()");
			assertThat(result.header("Content-Security-Policy-Report-Only")).isEqualTo("default-src 'self'");
			assertThat(result.header("Content-Security-Policy")).isNull();
		});
	}

	@Test
	void headersCanBeTurnedOff() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.security-headers.frame-options=disabled",
					"plugboard.plugins.security-headers.referrer-policy=",
					"plugboard.plugins.security-headers.hsts.enabled=false",
					"plugboard.plugins.security-headers.trusted-proxies=127.0.0.1")
			.run((context) -> {
				RequestResult result = PluginHarness.of(plugin(context.getBean(PluginRegistry.class)).plugin())
					.beforeRequest(TestRequest.get("/").header("X-Forwarded-Proto", "https"))
					.complete();
				assertThat(result.header("X-Frame-Options")).isNull();
				assertThat(result.header("Referrer-Policy")).isNull();
				assertThat(result.header("Strict-Transport-Security")).isNull();
				assertThat(result.header("X-Content-Type-Options")).isEqualTo("nosniff");
			});
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner.withPropertyValues("plugboard.plugins.security-headers.enabled=false")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void trustedProxyThatIsNotAnAddressStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.security-headers.trusted-proxies=lb.internal")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.security-headers.trusted-proxies[0]")
				.contains("not an IP address or CIDR range"));
	}

	@Test
	void unknownFrameOptionStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.security-headers.frame-options=allow-all")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("plugboard.plugins.security-headers.frame-options"));
	}

	@Test
	void everyKeyHasIdeMetadataWithItsDefault() {
		String prefix = "plugboard.plugins.security-headers.";
		assertThat(GeneratedMetadata.properties(prefix))
			.containsOnlyKeys(prefix + "hsts.enabled", prefix + "hsts.max-age", prefix + "hsts.include-sub-domains",
					prefix + "hsts.preload", prefix + "content-type-options", prefix + "frame-options",
					prefix + "frame-ancestors", prefix + "referrer-policy", prefix + "permissions-policy",
					prefix + "content-security-policy.policy", prefix + "content-security-policy.report-only",
					prefix + "trusted-proxies")
			.allSatisfy((name, property) -> assertThat((String) property.get("description")).as(name).isNotBlank())
			.hasEntrySatisfying(prefix + "referrer-policy",
					(property) -> assertThat(property).containsEntry("defaultValue", "strict-origin-when-cross-origin"))
			.hasEntrySatisfying(prefix + "hsts.max-age",
					(property) -> assertThat(property).containsEntry("defaultValue", "365d"));
	}

	private static RegisteredPlugin plugin(PluginRegistry registry) {
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(SecurityHeadersPlugin.ID);
		return registry.enabled().get(0);
	}

}
