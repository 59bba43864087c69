package dev.plugboard.autoconfigure.ipfilter;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.ipfilter.IpFilterPlugin;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ip-filter} built-in's auto-configuration: absent unless listed, bound from
 * YAML, and a bad address stopping the boot with a clear failure analysis.
 */
class IpFilterPluginAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(IpFilterPluginAutoConfiguration.class, PlugboardAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(IpFilterPluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("ip-filter");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(IpFilterPluginDefinition.class));
	}

	@Test
	void rulesBindFromYamlIntoAPluginThatFilters() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    ip-filter:
				      trusted-proxies: [192.0.2.10]
				      rules:
				        - paths: ["/admin/**"]
				          allow: [10.0.0.0/8, "2001:db8::/32"]
				        - deny: [198.51.100.0/24]
				""")).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredPlugin registered = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(registered.id()).isEqualTo(IpFilterPlugin.ID);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			PluginHarness harness = PluginHarness.of(registered.plugin());
			assertThat(harness.beforeRequest(TestRequest.get("/admin/x").remoteAddress("10.0.0.1")).passed()).isTrue();
			assertThat(harness.beforeRequest(TestRequest.get("/admin/x").remoteAddress("192.0.2.99")).status())
				.isEqualTo(403);
			assertThat(harness.beforeRequest(TestRequest.get("/shop").remoteAddress("198.51.100.1")).status())
				.isEqualTo(403);
			assertThat(harness
				.beforeRequest(
						TestRequest.get("/admin").remoteAddress("192.0.2.10").header("X-Forwarded-For", "2001:db8::5"))
				.passed()).isTrue();
		});
	}

	@Test
	void badCidrStopsTheBootNamingTheKeyAndTheFix() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    ip-filter:
				      rules:
				        - paths: ["/admin/**"]
				          allow: [10.0.0.0/8, 10.0.0.0/33]
				""")).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = BuiltInTesting.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Plugin 'ip-filter' cannot use the value of "
					+ "'rules[0].allow[1]' (plugboard.plugins.ip-filter.rules[0].allow[1]). '10.0.0.0/33' is not a "
					+ "CIDR range: the prefix length after '/' must be a whole number from 0 to 32 for an IPv4 "
					+ "address, such as 10.0.0.0/8. Write an IPv4 or IPv6 address or a CIDR range, such as "
					+ "192.0.2.1, 10.0.0.0/8 or 2001:db8::/32.");
			assertThat(analysis.getAction()).isEqualTo(
					"Fix 'rules[0].allow[1]' under 'plugboard.plugins.ip-filter', or remove 'ip-filter' from the manifest.");
		});
	}

	@Test
	void hostNameInsteadOfAnAddressStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.ip-filter.trusted-proxies[0]=proxy.internal",
					"plugboard.plugins.ip-filter.rules[0].deny[0]=192.0.2.1")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.contains("(plugboard.plugins.ip-filter.trusted-proxies[0]). 'proxy.internal' is not an IP address "
						+ "or CIDR range: an address literal has only digits, hex digits, '.' and ':' (host names "
						+ "are not resolved)."));
	}

	@Test
	void listedWithoutRulesStopsTheBoot() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("plugboard.plugins.ip-filter: {}")).run((context) -> {
			assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'ip-filter' needs 'rules'");
		});
	}

	@Test
	void everyKeyHasIdeMetadata() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.ip-filter.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.ip-filter.trusted-proxies",
				"plugboard.plugins.ip-filter.rules");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
	}

}
