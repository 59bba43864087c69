package dev.plugboard.autoconfigure;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.Plugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class ManifestFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class))
		.withUserConfiguration(PluginConfiguration.class);

	@Test
	void unknownIdSuggestsTheNearestIdAndListsTheKnownOnes() {
		analyze(this.contextRunner.withPropertyValues("plugboard.plugins.slack-notifer.enabled=true"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'slack-notifer'")
				.contains("no plugin has that id")
				.contains("Did you mean 'slack-notifier'?");
			assertThat(analysis.getAction()).contains("Rename the entry to 'slack-notifier'")
				.contains("Known plugin ids: audit-log, request-id, slack-notifier, webhook.");
		});
	}

	@Test
	void unknownIdWithOnlyItsOwnKeysIsStillReported() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    slack-notifer:
				      url: https://hooks.slack.com/x
				""")), (analysis) -> assertThat(analysis.getDescription()).contains("'slack-notifer'")
			.contains("Did you mean 'slack-notifier'?"));
	}

	@Test
	void twoEntriesForOneIdAreReportedAsADuplicate() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    audit_log: {}
				    audit-log:
				      order: 5
				""")), (analysis) -> {
			assertThat(analysis.getDescription()).contains("lists plugin 'audit-log' twice")
				.contains("'plugboard.plugins.audit_log'")
				.contains("'plugboard.plugins.audit-log'");
			assertThat(analysis.getAction())
				.contains("Merge the two entries into one under 'plugboard.plugins.audit-log'");
		});
	}

	@Test
	void twoPluginBeansWithOneIdAreReportedAsADuplicate() {
		analyze(this.contextRunner.withUserConfiguration(SecondAuditLogConfiguration.class), (analysis) -> {
			assertThat(analysis.getDescription()).contains("Two plugins have the id 'audit-log'")
				.contains(Plugins.Noop.class.getName())
				.contains(OtherAuditLog.class.getName());
			assertThat(analysis.getAction()).contains("Give each plugin its own id");
		});
	}

	@Test
	void pluginBeanWithAnIdThatIsNotKebabCaseIsReported() {
		analyze(this.contextRunner.withUserConfiguration(CamelCaseConfiguration.class), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'SlackNotifier'").contains("not kebab-case");
			assertThat(analysis.getAction()).contains("such as 'slack-notifier'");
		});
	}

	@Test
	void manifestEntryThatIsNotAValidIdIsReported() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    slack__notifier: {}
				""")), (analysis) -> {
			assertThat(analysis.getDescription())
				.contains("'plugboard.plugins.slack__notifier' is not a valid plugin id");
			assertThat(analysis.getAction()).contains("kebab-case");
		});
	}

	@Test
	void orderThatIsNotANumberNamesThePluginKeyValueAndOrigin() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    audit-log:
				      order: abc
				""")), (analysis) -> {
			assertThat(analysis.getDescription()).startsWith("Plugin 'audit-log' has an invalid value for 'order':")
				.contains("Property: plugboard.plugins.audit-log.order")
				.contains("Value: \"abc\"")
				.contains("Origin: ")
				.contains("application.yml] - 4:14")
				.contains("Accepted values: a whole number");
			assertThat(analysis.getAction())
				.startsWith("Set 'order' under 'plugboard.plugins.audit-log' to a whole number, such as 100")
				.contains("remove the key to keep the plugin's default order");
		});
	}

	@Test
	void onErrorThatIsNotAPolicyListsTheAcceptedValues() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    rate_limit:
				      on-error: sideways
				""")), (analysis) -> {
			assertThat(analysis.getDescription()).startsWith("Plugin 'rate-limit' has an invalid value for 'on-error':")
				.contains("Property: plugboard.plugins.rate_limit.on-error")
				.contains("Value: \"sideways\"")
				.contains("Accepted values: fail-open, fail-closed");
			assertThat(analysis.getAction())
				.startsWith("Set 'on-error' under 'plugboard.plugins.rate_limit' to fail-open, fail-closed");
		});
	}

	@Test
	void enabledThatIsNotABooleanListsTheAcceptedValues() {
		analyze(this.contextRunner.withPropertyValues("plugboard.plugins.audit-log.enabled=maybe"),
				(analysis) -> assertThat(analysis.getDescription()).contains("Plugin 'audit-log'")
					.contains("'enabled'")
					.contains("Value: \"maybe\"")
					.contains("Accepted values: true, false"));
	}

	@Test
	void entryThatIsNotAMapOfKeysShowsHowToWriteOne() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    audit-log: yes
				""")), (analysis) -> {
			assertThat(analysis.getDescription())
				.startsWith("Plugin 'audit-log' has an invalid value for its manifest entry:")
				.contains("Property: plugboard.plugins.audit-log\n")
				.contains("Accepted values: a map of keys (or {} for none)");
			assertThat(analysis.getAction()).isEqualTo("Write the entry of plugin 'audit-log' as a map of its keys, "
					+ "such as 'audit-log: {}' or 'audit-log: { enabled: true }'.");
		});
	}

	@Test
	void pluginsOwnValueThatDoesNotBindNamesThePluginKeyAndValue() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    webhook:
				      url: https://hooks.example.com/orders
				      retries: lots
				""")), (analysis) -> {
			assertThat(analysis.getDescription()).startsWith("Plugin 'webhook' has an invalid value for 'retries':")
				.contains("Value: \"lots\"")
				.contains("Accepted values: a whole number");
			assertThat(analysis.getAction())
				.startsWith("Set 'retries' under 'plugboard.plugins.webhook' to a whole number");
		});
	}

	@Test
	void missingRequiredKeyNamesThePluginAndTheKey() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    webhook:
				      retries: 3
				""")), (analysis) -> {
			assertThat(analysis.getDescription()).contains("Plugin 'webhook' needs 'url'")
				.contains("plugboard.plugins.webhook.url")
				.contains("such as https://hooks.example.com/orders");
			assertThat(analysis.getAction())
				.isEqualTo("Add 'url' under 'plugboard.plugins.webhook', or remove 'webhook' from the manifest.");
		});
	}

	@Test
	void missingRequiredKeyOfAnEmptyEntryNamesThePluginAndTheKey() {
		analyze(this.contextRunner.withInitializer(YamlManifest.yaml("""
				plugboard:
				  plugins:
				    webhook: {}
				""")), (analysis) -> assertThat(analysis.getDescription()).contains("Plugin 'webhook' needs 'url'"));
	}

	@Test
	void valueThePluginRejectsNamesThePluginAndTheKey() {
		analyze(this.contextRunner.withPropertyValues("plugboard.plugins.webhook.url=http://hooks.example.com"),
				(analysis) -> {
					assertThat(analysis.getDescription())
						.contains("Plugin 'webhook' cannot use the value of 'url' (plugboard.plugins.webhook.url)")
						.contains("only posted over https");
					assertThat(analysis.getAction()).startsWith("Fix 'url' under 'plugboard.plugins.webhook'");
				});
	}

	@Test
	void anyManifestExceptionIsRendered() {
		analyze(this.contextRunner.withUserConfiguration(RouteClashConfiguration.class), (analysis) -> {
			assertThat(analysis.getDescription())
				.isEqualTo("Plugin 'internal-health' mounts GET /internal/health, which the application also maps.");
			assertThat(analysis.getAction()).isEqualTo("Move one of the two routes.");
		});
	}

	@Test
	void otherPlugboardSettingThatDoesNotBindIsNamedWithItsAcceptedValues() {
		analyze(this.contextRunner.withPropertyValues("plugboard.deferred.shutdown-timeout=soon"), (analysis) -> {
			assertThat(analysis.getDescription()).startsWith("Invalid value for 'plugboard.deferred.shutdown-timeout':")
				.contains("Value: \"soon\"");
			assertThat(analysis.getAction())
				.isEqualTo("Set 'plugboard.deferred.shutdown-timeout' to a duration, such as 500ms, 30s or 5m.");
		});
	}

	@Test
	void bindFailureOutsidePlugboardIsLeftToBoot() {
		new ApplicationContextRunner().withUserConfiguration(OtherPropertiesConfiguration.class)
			.withPropertyValues("other.size=big")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new ManifestFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
			});
	}

	@Test
	void bootReportsTheUnknownIdThroughItsFailureAnalyzers(CapturedOutput output) {
		SpringApplication application = new SpringApplication(UnknownIdApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> {
			try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off",
					"--plugboard.plugins.slack-notifer.enabled=true")) {
				assertThat(context).isNull();
			}
		});
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("The manifest names plugin 'slack-notifer'")
			.contains("Did you mean 'slack-notifier'?")
			.contains("Action:")
			.contains("Known plugin ids: audit-log, request-id, slack-notifier, webhook.");
	}

	private static void analyze(ApplicationContextRunner runner, Consumer<FailureAnalysis> assertions) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ManifestFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertions.accept(analysis);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class PluginConfiguration {

		@Bean
		Plugins.Noop slackNotifier() {
			return new Plugins.Noop("slack-notifier");
		}

		@Bean
		Plugins.Noop auditLog() {
			return new Plugins.Noop("audit-log");
		}

		@Bean
		Plugins.Noop requestId() {
			return new Plugins.Noop("request-id");
		}

		@Bean
		Plugins.WebhookDefinition webhookDefinition() {
			return new Plugins.WebhookDefinition();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(PlugboardAutoConfiguration.class)
	static class UnknownIdApplication extends PluginConfiguration {

	}

	record OtherAuditLog(String id) implements Plugin {
	}

	@Configuration(proxyBeanMethods = false)
	static class SecondAuditLogConfiguration {

		@Bean
		OtherAuditLog otherAuditLog() {
			return new OtherAuditLog("audit-log");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CamelCaseConfiguration {

		@Bean
		Plugins.Noop camelCase() {
			return new Plugins.Noop("SlackNotifier");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RouteClashConfiguration {

		@Bean
		Object routeClash() {
			throw new ManifestException(Problem.ROUTE_CLASH, "internal-health",
					"Plugin 'internal-health' mounts GET /internal/health, which the application also maps.",
					"Move one of the two routes.", List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OtherProperties.class)
	static class OtherPropertiesConfiguration {

	}

	@ConfigurationProperties("other")
	static class OtherProperties {

		private int size;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

}
