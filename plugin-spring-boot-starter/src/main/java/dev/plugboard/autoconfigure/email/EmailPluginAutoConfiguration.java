package dev.plugboard.autoconfigure.email;

import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.support.Repositories;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.Outbox;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.email.EmailSender;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.data.AggregateNames;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that defines the {@code email} built-in when Spring's mail support,
 * Jakarta Mail and Jackson are on the classpath: its definition, which creates the plugin
 * with the application's {@link JavaMailSender} when the manifest lists it, the
 * {@link EmailSender} bean while it is listed, and, with Spring Data, the startup check
 * of its events against the entity classes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = PlugboardAutoConfiguration.class,
		afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnBooleanProperty(name = "plugboard.enabled", matchIfMissing = true)
public final class EmailPluginAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JavaMailSender.class, MimeMessage.class, SMTPTransport.class, JsonMapper.class })
	static class MailConfiguration {

		@Bean
		EmailPluginDefinition emailPluginDefinition(ObjectProvider<JavaMailSender> mailSender,
				ObjectProvider<Outbox> outbox, ObjectProvider<PluginRuntime> runtime) {
			return new EmailPluginDefinition(mailSender, outbox, runtime);
		}

		@Bean
		@ConditionalOnMissingBean
		@Conditional(EmailListedCondition.class)
		EmailSender plugboardEmailSender(ObjectProvider<PluginRegistry> registry) {
			return new RegistryEmailSender(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JavaMailSender.class, MimeMessage.class, SMTPTransport.class, JsonMapper.class,
			Repositories.class })
	@Conditional(EmailListedCondition.class)
	static class VerificationConfiguration {

		@Bean
		EmailEventsVerifier plugboardEmailEventsVerifier(ObjectProvider<PluginRegistry> registry,
				ListableBeanFactory beanFactory, ObjectProvider<AggregateNames> names) {
			return new EmailEventsVerifier(registry, new AggregateTypes(beanFactory, names));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(MailMissingCondition.class)
	static class MissingMailConfiguration {

		@Bean
		MissingMailDefinition emailPluginDefinition() {
			return new MissingMailDefinition();
		}

	}

	/**
	 * Matches when one of the libraries the plugin needs is missing.
	 */
	static class MailMissingCondition extends NoneNestedConditions {

		MailMissingCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnClass(
				name = { "org.springframework.mail.javamail.JavaMailSender", "jakarta.mail.internet.MimeMessage",
						"org.eclipse.angus.mail.smtp.SMTPTransport", "tools.jackson.databind.json.JsonMapper" })
		static class LibrariesPresent {

		}

	}

}
