package dev.plugboard.autoconfigure.email;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.plugboard.Outbox;
import dev.plugboard.OutboxRecord;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;
import dev.plugboard.autoconfigure.aggregate.GeneratedMetadata;
import dev.plugboard.builtin.email.EmailMessage;
import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.builtin.email.EmailSender;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code email} built-in's auto-configuration: absent unless listed, bound from YAML
 * into a plugin that sends to a real SMTP server (GreenMail) through Spring Boot's
 * JavaMailSender, guarded by its libraries, and a bad manifest or a missing mail server
 * stopping the boot with a clear failure analysis.
 */
class EmailPluginAutoConfigurationTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final String MANIFEST = """
			plugboard:
			  plugins:
			    email:
			      from: "Example <no-reply@example.com>"
			      templates:
			        welcome:
			          subject: "Welcome, {{name}}"
			          text: "Hello {{name}}"
			          html: "<p>Hello {{name}}</p>"
			""";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, EmailPluginAutoConfiguration.class,
				PlugboardAutoConfiguration.class));

	/**
	 * A mail server, and an outbox at the SPI boundary: the outbox runtime needs a
	 * database, which the H2 integration tests have.
	 */
	private ApplicationContextRunner withMailServer() {
		return this.contextRunner.withUserConfiguration(OutboxConfiguration.class)
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + greenMail.getSmtp().getPort(),
					"spring.mail.properties[mail.smtp.connectiontimeout]=5000",
					"spring.mail.properties[mail.smtp.timeout]=5000");
	}

	@Test
	void pluginAndSenderAreAbsentUnlessListed() {
		withMailServer().run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(EmailPluginDefinition.class)
				.doesNotHaveBean(EmailSender.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
			assertThat(context.getBean(PluginRegistry.class).knownIds()).contains("email");
		});
	}

	@Test
	void nothingIsConfiguredWhenPlugboardIsDisabled() {
		withMailServer().withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EmailPluginDefinition.class)
				.doesNotHaveBean(EmailSender.class));
	}

	@Test
	void aDisabledEntryHasNoSender() {
		withMailServer().withInitializer(BuiltInTesting.yaml(MANIFEST))
			.withPropertyValues("plugboard.plugins.email.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmailSender.class);
				assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty();
			});
	}

	@Test
	void listedItIsABuiltInAndItsSenderBeanSendsThroughBootsMailSender() {
		withMailServer().withInitializer(BuiltInTesting.yaml(MANIFEST)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EmailSender.class);
			RegisteredPlugin registered = context.getBean(PluginRegistry.class).enabled().get(0);
			assertThat(registered.id()).isEqualTo(EmailPlugin.ID);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			EmailSender sender = context.getBean(EmailSender.class);
			sender.send(sender.render("welcome", List.of("ada@example.com"), Map.of("name", "<Ada>")));
			MimeMessage[] received = greenMail.getReceivedMessages();
			assertThat(received).hasSize(1);
			assertThat(received[0].getSubject()).isEqualTo("Welcome, <Ada>");
			assertThat(received[0].getHeader("From")).containsExactly("Example <no-reply@example.com>");
		});
	}

	@Test
	void enqueueWritesToTheApplicationsOutbox() {
		withMailServer().withInitializer(BuiltInTesting.yaml(MANIFEST)).run((context) -> {
			String id = context.getBean(EmailSender.class)
				.enqueue(EmailMessage.text("ada@example.com", "Queued", "later"));
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			assertThat(outbox.records).singleElement().satisfies((record) -> {
				assertThat(record.id()).isEqualTo(id);
				assertThat(record.topic()).isEqualTo("email");
			});
			assertThat(greenMail.getReceivedMessages()).isEmpty();
		});
	}

	@Test
	void listedWithoutADatabaseForTheOutboxStopsTheBoot() {
		this.contextRunner.withInitializer(BuiltInTesting.yaml(MANIFEST))
			.withPropertyValues("spring.mail.host=127.0.0.1")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'email' delivers outbox records, which the outbox keeps in the application's "
						+ "database, but there is no single DataSource bean"));
	}

	@Test
	void listedWithoutAMailServerStopsTheBootSayingToSetSpringMailHost() {
		this.contextRunner.withUserConfiguration(OutboxConfiguration.class)
			.withInitializer(BuiltInTesting.yaml(MANIFEST))
			.run((context) -> {
				var analysis = BuiltInTesting.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Plugin 'email' sends mail with the application's "
						+ "JavaMailSender, but there is none. Spring Boot configures one when spring.mail.host is set.");
				assertThat(analysis.getAction()).startsWith("Set spring.mail.host");
			});
	}

	@Test
	void anEventNamingAMissingTemplateStopsTheBoot() {
		withMailServer().withInitializer(BuiltInTesting.yaml(MANIFEST + """
				      events:
				        - entity: user
				          op: insert
				          template: welcom
				          to: "{{email}}"
				"""))
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'email' cannot use the value of 'events[0].template' "
						+ "(plugboard.plugins.email.events[0].template). The event sends the template 'welcom', which is "
						+ "not configured under 'templates'; did you mean 'welcome'? The templates are: welcome."));
	}

	@Test
	void anEventForAnEntityNoRepositoryManagesStopsTheBoot() {
		withMailServer().withInitializer(BuiltInTesting.yaml(MANIFEST + """
				      events:
				        - entity: user
				          op: insert
				          template: welcome
				          to: "{{email}}"
				"""))
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'email' sends a message when 'user' is written "
						+ "(plugboard.plugins.email.events[0].entity), but no Spring Data repository manages an "
						+ "aggregate of that name. The application has no repositories."));
	}

	@Test
	void aTemplateWithoutASubjectStopsTheBoot() {
		withMailServer()
			.withPropertyValues("plugboard.plugins.email.from=no-reply@example.com",
					"plugboard.plugins.email.templates.reset.text=Reset your password")
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("Plugin 'email' needs 'templates.reset.subject', but its manifest entry has none "
						+ "(plugboard.plugins.email.templates.reset.subject). Template 'reset' has no subject; set "
						+ "one, such as 'Welcome, {{name}}'."));
	}

	@Test
	void listedWithoutASenderStopsTheBoot() {
		withMailServer().withInitializer(BuiltInTesting.yaml("plugboard.plugins.email: {}"))
			.run((context) -> assertThat(BuiltInTesting.analyze(context.getStartupFailure()).getDescription())
				.startsWith("Plugin 'email' needs 'from', but its manifest entry has none "
						+ "(plugboard.plugins.email.from)."));
	}

	@Test
	void withoutJakartaMailListingThePluginSaysWhichLibraryToAdd() {
		withMailServer().withClassLoader(new FilteredClassLoader("jakarta.mail", "org.eclipse.angus"))
			.withInitializer(BuiltInTesting.yaml(MANIFEST))
			.run((context) -> {
				var analysis = BuiltInTesting.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("Plugin 'email' sends mail with Spring's JavaMailSender");
				assertThat(analysis.getAction()).startsWith("Add org.springframework.boot:spring-boot-starter-mail");
			});
	}

	@Test
	void withoutJakartaMailAndUnlistedTheAppStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.mail", "org.eclipse.angus"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmailPluginDefinition.class)
				.hasSingleBean(MissingMailDefinition.class));
	}

	@Test
	void everyKeyHasIdeMetadata() {
		Map<String, Map<String, Object>> properties = GeneratedMetadata.properties("plugboard.plugins.email.");
		assertThat(properties).containsOnlyKeys("plugboard.plugins.email.from", "plugboard.plugins.email.templates",
				"plugboard.plugins.email.events");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
	}

	@Configuration(proxyBeanMethods = false)
	static class OutboxConfiguration {

		@Bean
		RecordingOutbox recordingOutbox() {
			return new RecordingOutbox();
		}

	}

	static class RecordingOutbox implements Outbox {

		final List<OutboxRecord> records = new CopyOnWriteArrayList<>();

		@Override
		public String enqueue(String topic, String payload) {
			String id = UUID.randomUUID().toString();
			this.records.add(new OutboxRecord(id, topic, payload, 1, Instant.now()));
			return id;
		}

	}

}
