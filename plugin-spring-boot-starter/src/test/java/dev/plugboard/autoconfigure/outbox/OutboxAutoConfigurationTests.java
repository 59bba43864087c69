package dev.plugboard.autoconfigure.outbox;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.Outbox;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.outbox.OutboxWorkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The outbox through its auto-configuration: working only when an enabled plugin delivers
 * outbox records, and every setup that could not deliver them stopping the boot.
 */
class OutboxAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, OutboxAutoConfiguration.class,
				OutboxEndpointAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void withoutAnOutboxPluginThereIsNoTableNoWorkerAndNoOutboxForHooks() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PluginRuntime.class).outbox()).isNull();
			assertThat(tables(context)).isEmpty();
			assertThat(context.getBean(OutboxWorkers.class).isRunning()).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(Outbox.class).enqueue("mail", "{}"))
				.withMessageContaining("topics delivered are none");
		});
	}

	@Test
	void anOutboxPluginGetsItsTableWorkersAndOneOutboxSharedByHooksAndTheApplication() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Outbox.class);
			assertThat(context.getBean(PluginRuntime.class).outbox()).isSameAs(context.getBean(Outbox.class));
			assertThat(tables(context)).containsExactly("PLUGBOARD_OUTBOX");
			assertThat(context.getBean(OutboxWorkers.class).isRunning()).isTrue();
			assertThat(context.getBean(OutboxWorkers.class).topics()).containsExactly("mail");
		});
	}

	@Test
	void anOutboxPluginDisabledInTheManifestLeavesNoOutboxWork() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("plugboard.plugins.mail.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(PluginRuntime.class).outbox()).isNull();
				assertThat(tables(context)).isEmpty();
				assertThat(context.getBean(OutboxWorkers.class).isRunning()).isFalse();
			});
	}

	@Test
	void aTopicNoPluginDeliversIsRefusedNamingTheTopicsThatAre() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.run((context) -> assertThatIllegalArgumentException()
				.isThrownBy(() -> context.getBean(Outbox.class).enqueue("sms", "{}"))
				.withMessageContaining("'sms'")
				.withMessageContaining("[mail]"));
	}

	@Test
	void anOutboxPluginWithoutADataSourceStopsTheBootSayingWhatToAdd() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PlugboardAutoConfiguration.class, OutboxAutoConfiguration.class))
			.withUserConfiguration(MailConfiguration.class)
			.run((context) -> {
				ManifestException failure = manifestFailure(context);
				assertThat(failure.pluginId()).isEqualTo("mail");
				assertThat(failure.getMessage()).contains("'mail' delivers outbox records").contains("DataSource");
				assertThat(failure.action()).contains("spring-boot-starter-jdbc");
			});
	}

	@Test
	void anOutboxPluginWithoutSpringJdbcOnTheClasspathStopsTheBoot() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.run((context) -> assertThat(manifestFailure(context).getMessage()).contains("DataSource"));
	}

	@Test
	void twoPluginsDeliveringOneTopicStopTheBoot() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class, SecondMailConfiguration.class)
			.run((context) -> assertThat(manifestFailure(context).getMessage())
				.contains("Plugins 'mail' and 'mail-backup' both deliver the outbox topic 'mail'"));
	}

	@Test
	void anInvalidRetryScheduleStopsTheBootNamingTheKey() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("plugboard.outbox.retry.max-attempts=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("max-attempts must be at least 1"));
	}

	@Test
	void initializeSchemaNeverLeavesTheTableToTheApplication() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("plugboard.outbox.initialize-schema=never")
			.run((context) -> assertThat(tables(context)).isEmpty());
	}

	@Test
	void endpointExistsWhenExposed() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=outbox")
			.run((context) -> assertThat(context).hasSingleBean(OutboxEndpoint.class));
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxEndpoint.class));
	}

	@Test
	void nothingOfTheOutboxExistsWhenPlugboardIsDisabled() {
		this.contextRunner.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Outbox.class).doesNotHaveBean(OutboxWorkers.class));
	}

	static List<String> tables(AssertableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
				"SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'PLUGBOARD_OUTBOX%'",
				String.class);
	}

	private static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof ManifestException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a ManifestException in %s", context.getStartupFailure())
			.isInstanceOf(ManifestException.class);
		return (ManifestException) failure;
	}

	@Configuration(proxyBeanMethods = false)
	static class MailConfiguration {

		@Bean
		Deliveries deliveries() {
			return new Deliveries();
		}

		@Bean
		RecordingOutboxPlugin mailPlugin(Deliveries deliveries) {
			return new RecordingOutboxPlugin("mail", deliveries);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondMailConfiguration {

		@Bean
		RecordingOutboxPlugin mailBackupPlugin(Deliveries deliveries) {
			return new RecordingOutboxPlugin("mail-backup", "mail", "backup", deliveries);
		}

	}

}
