package dev.plugboard.autoconfigure.csrf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.plugboard.PluginDefinition;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.csrf.CsrfPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The {@code csrf} built-in through its auto-configuration: created only when listed, and
 * a missing or weak secret stopping the boot with how to fix it.
 */
class CsrfPluginAutoConfigurationTests {

	private static final String SECRET = "plugboard.plugins.csrf.secret=runner-test-secret-0123456789abcdefgh";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, CsrfPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginIsABuiltInThatFailsClosedBoundFromYaml() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    csrf:
				      secret: yaml-test-secret-0123456789abcdefghijkl
				      session-cookies: [SID]
				      token-cookie: CSRF
				      token-header: X-CSRF
				      exempt-paths: [/hooks/**]
				      cookie-domain: example.com
				""")).run((context) -> {
			RegisteredPlugin registered = plugin(context);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(registered.order()).isEqualTo(300);
			assertThat(registered.onError()).isEqualTo(dev.plugboard.OnError.FAIL_CLOSED);
			PluginHarness harness = PluginHarness.of(registered.plugin());
			RequestResult refused = harness.beforeRequest(TestRequest.post("/notes").header("Cookie", "SID=1"));
			assertThat(refused.rejection().code()).isEqualTo("csrf.token-missing");
			assertThat(refused.header("Set-Cookie")).startsWith("CSRF=").contains("Domain=example.com");
			assertThat(harness.beforeRequest(TestRequest.post("/hooks/a").header("Cookie", "SID=1")).passed()).isTrue();
			assertThat(harness.beforeRequest(TestRequest.post("/notes").header("Cookie", "JSESSIONID=1")).passed())
				.isTrue();
		});
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner.withPropertyValues("plugboard.plugins.csrf.enabled=false")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void missingSecretStopsTheBootSayingHowToSetOne() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml("""
				plugboard:
				  plugins:
				    csrf: {}
				""")).run((context) -> {
			ManifestException ex = manifestFailure(context);
			assertThat(ex.problem()).isEqualTo(Problem.MISSING_KEY);
			FailureAnalysis analysis = BuiltInTesting.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("plugboard.plugins.csrf.secret")
				.contains("openssl rand -base64 48");
			assertThat(analysis.getAction()).contains("Add 'secret' under 'plugboard.plugins.csrf'");
		});
	}

	@Test
	void shortSecretStopsTheBoot() {
		this.contextRunner.withPropertyValues("plugboard.plugins.csrf.secret=too-short").run((context) -> {
			ManifestException ex = manifestFailure(context);
			assertThat(ex.problem()).isEqualTo(Problem.INVALID_VALUE);
			assertThat(ex.description()).contains("at least 32");
		});
	}

	@Test
	void badExemptPathStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues(SECRET, "plugboard.plugins.csrf.exempt-paths=/a/**/b/**")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.csrf.exempt-paths"));
	}

	@Test
	void everyKeyHasMetadata() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.csrf.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.csrf.secret",
				"plugboard.plugins.csrf.session-cookies", "plugboard.plugins.csrf.token-cookie",
				"plugboard.plugins.csrf.token-header", "plugboard.plugins.csrf.api-key-headers",
				"plugboard.plugins.csrf.exempt-paths", "plugboard.plugins.csrf.allowed-origins",
				"plugboard.plugins.csrf.cookie-path", "plugboard.plugins.csrf.cookie-domain",
				"plugboard.plugins.csrf.cookie-secure", "plugboard.plugins.csrf.cookie-same-site");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties.get("plugboard.plugins.csrf.token-cookie")).contains(entry("defaultValue", "XSRF-TOKEN"));
		assertThat(properties.get("plugboard.plugins.csrf.token-header"))
			.contains(entry("defaultValue", "X-XSRF-TOKEN"));
	}

	static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ManifestException manifest) {
				return manifest;
			}
		}
		throw new AssertionError("Boot did not stop with a manifest problem", context.getStartupFailure());
	}

	private static RegisteredPlugin plugin(AssertableApplicationContext context) {
		PluginRegistry registry = context.getBean(PluginRegistry.class);
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(CsrfPlugin.ID);
		return registry.enabled().get(0);
	}

}
