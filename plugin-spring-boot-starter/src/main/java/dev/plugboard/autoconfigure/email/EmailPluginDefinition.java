package dev.plugboard.autoconfigure.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

import dev.plugboard.Outbox;
import dev.plugboard.Plugin;
import dev.plugboard.PluginDefinition;
import dev.plugboard.builtin.email.EmailConfig;
import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.builtin.email.EmailTemplate;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRuntime;

/**
 * Creates the {@link EmailPlugin} when the manifest lists it, with the application's
 * {@link JavaMailSender} (Spring Boot's, configured by {@code spring.mail.host}) and the
 * outbox, looked up when a message is enqueued.
 */
final class EmailPluginDefinition implements PluginDefinition<EmailProperties> {

	private final ObjectProvider<JavaMailSender> mailSender;

	private final ObjectProvider<Outbox> outbox;

	private final ObjectProvider<PluginRuntime> runtime;

	EmailPluginDefinition(ObjectProvider<JavaMailSender> mailSender, ObjectProvider<Outbox> outbox,
			ObjectProvider<PluginRuntime> runtime) {
		this.mailSender = mailSender;
		this.outbox = outbox;
		this.runtime = runtime;
	}

	@Override
	public String id() {
		return EmailPlugin.ID;
	}

	@Override
	public Class<EmailProperties> configurationType() {
		return EmailProperties.class;
	}

	@Override
	public Plugin create(EmailProperties properties) {
		Map<String, EmailTemplate> templates = new LinkedHashMap<>();
		properties.getTemplates()
			.forEach((name, template) -> templates.put(name,
					EmailTemplate.of(name, template.getSubject(), template.getText(), template.getHtml())));
		List<EmailConfig.Event> events = new ArrayList<>();
		for (EmailProperties.Event event : properties.getEvents()) {
			events.add(new EmailConfig.Event(event.getEntity(), event.getOp(), event.getTemplate(), event.getTo()));
		}
		EmailConfig config = new EmailConfig(properties.getFrom(), templates, events);
		JavaMailSender mailSender = this.mailSender.getIfUnique();
		if (mailSender == null) {
			throw new ManifestException(Problem.MISSING_KEY, EmailPlugin.ID,
					"Plugin 'email' sends mail with the application's JavaMailSender, but there is "
							+ (this.mailSender.stream().findAny().isPresent() ? "more than one" : "none")
							+ ". Spring Boot configures one when spring.mail.host is set.",
					"Set spring.mail.host (with spring.mail.port, spring.mail.username and spring.mail.password as "
							+ "your server needs), or define a single JavaMailSender bean, or remove 'email' from "
							+ "the manifest.",
					List.of());
		}
		return new EmailPlugin(config, mailSender, this::outbox);
	}

	private Outbox outbox() {
		Outbox outbox = this.outbox.getIfUnique();
		if (outbox == null) {
			PluginRuntime runtime = this.runtime.getIfAvailable();
			outbox = (runtime != null) ? runtime.outbox() : null;
		}
		if (outbox == null) {
			throw new IllegalStateException("There is no outbox to enqueue the email in; the outbox runtime is not "
					+ "configured (plugboard.enabled=false?). Use EmailSender.send to send it now.");
		}
		return outbox;
	}

}
