package dev.plugboard.builtin.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.Outbox;
import dev.plugboard.OutboxRecord;
import dev.plugboard.UndeliverableException;

/**
 * The {@link EmailSender} of the {@link EmailPlugin}: builds MIME messages, sends them
 * with the application's {@link JavaMailSender}, and writes them to the outbox as JSON.
 */
final class MailEmailSender implements EmailSender {

	/**
	 * The payload's own mapper, not the application's: records written by one version
	 * must be read by the next, whatever the application does to its mapper. Unknown
	 * members are ignored, so that a newer version's records still deliver.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JavaMailSender mailSender;

	private final String from;

	private final Map<String, EmailTemplate> templates;

	private final Supplier<Outbox> outbox;

	MailEmailSender(JavaMailSender mailSender, String from, Map<String, EmailTemplate> templates,
			Supplier<Outbox> outbox) {
		this.mailSender = mailSender;
		this.from = from;
		this.templates = templates;
		this.outbox = outbox;
	}

	@Override
	public void send(EmailMessage message) {
		MimeMessage mime;
		try {
			mime = mime(message, null);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		this.mailSender.send(mime);
	}

	@Override
	public String enqueue(EmailMessage message) {
		Outbox outbox = this.outbox.get();
		return enqueue(outbox, message);
	}

	String enqueue(Outbox outbox, EmailMessage message) {
		try {
			addresses(message);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		return outbox.enqueue(EmailPlugin.ID, JSON.writeValueAsString(message));
	}

	@Override
	public EmailMessage render(String template, List<String> to, Map<String, ? extends @Nullable Object> variables) {
		EmailTemplate found = this.templates.get(template);
		if (found == null) {
			throw new IllegalArgumentException("There is no email template '" + template + "'; the templates are "
					+ (this.templates.isEmpty() ? "none" : String.join(", ", this.templates.keySet()))
					+ " (plugboard.plugins.email.templates)");
		}
		return found.render(to, variables);
	}

	void deliver(OutboxRecord record) throws Exception {
		EmailMessage message;
		try {
			message = JSON.readValue(record.payload(), EmailMessage.class);
		}
		catch (RuntimeException ex) {
			throw new UndeliverableException("The outbox record is not an email message: " + ex.getMessage(), ex);
		}
		MimeMessage mime;
		try {
			mime = mime(message, record.id());
		}
		catch (MessagingException ex) {
			throw new UndeliverableException("The message cannot be built: " + ex.getMessage(), ex);
		}
		try {
			this.mailSender.send(mime);
		}
		catch (MailSendException ex) {
			Exception permanent = MailFailures.permanentCause(ex);
			if (permanent != null) {
				throw new UndeliverableException(
						"The mail server refused the message for good: " + permanent.getMessage(), ex);
			}
			throw ex;
		}
	}

	private MimeMessage mime(EmailMessage message, @Nullable String idempotencyId) throws MessagingException {
		Addresses addresses = addresses(message);
		MimeMessage mime = this.mailSender.createMimeMessage();
		boolean alternative = message.text() != null && message.html() != null;
		MimeMessageHelper helper = new MimeMessageHelper(mime,
				alternative ? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED : MimeMessageHelper.MULTIPART_MODE_NO,
				StandardCharsets.UTF_8.name());
		helper.setFrom(addresses.from());
		helper.setTo(addresses.to());
		if (addresses.replyTo() != null) {
			helper.setReplyTo(addresses.replyTo());
		}
		helper.setSubject(message.subject());
		if (alternative) {
			helper.setText(message.text(), message.html());
		}
		else if (message.html() != null) {
			helper.setText(message.html(), true);
		}
		else {
			helper.setText(message.text(), false);
		}
		if (idempotencyId != null) {
			mime.setHeader(EmailPlugin.IDEMPOTENCY_HEADER, idempotencyId);
		}
		return mime;
	}

	private Addresses addresses(EmailMessage message) throws AddressException {
		List<InternetAddress> to = new ArrayList<>();
		for (String recipient : message.to()) {
			to.add(address("recipient", recipient));
		}
		InternetAddress from = address("from", (message.from() != null) ? message.from() : this.from);
		InternetAddress replyTo = (message.replyTo() != null) ? address("reply-to", message.replyTo()) : null;
		return new Addresses(to.toArray(InternetAddress[]::new), from, replyTo);
	}

	/**
	 * One address, strictly parsed, so that a list or a malformed address is refused.
	 */
	static InternetAddress address(String what, String address) throws AddressException {
		InternetAddress[] parsed;
		try {
			parsed = InternetAddress.parse(address, true);
		}
		catch (AddressException ex) {
			throw new AddressException(
					"The " + what + " '" + address + "' is not an email address: " + ex.getMessage());
		}
		if (parsed.length != 1) {
			throw new AddressException(
					"The " + what + " '" + address + "' is not one email address but " + parsed.length);
		}
		try {
			parsed[0].validate();
		}
		catch (AddressException ex) {
			throw new AddressException(
					"The " + what + " '" + address + "' is not an email address: " + ex.getMessage());
		}
		return parsed[0];
	}

	private record Addresses(InternetAddress[] to, InternetAddress from, @Nullable InternetAddress replyTo) {

	}

}
