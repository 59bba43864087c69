package dev.plugboard.builtin.email;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One email: its recipients, subject and body, as handed to {@link EmailSender}. Build it
 * with {@link #text}, {@link #html} or {@link #of}, then {@link #withFrom} and
 * {@link #withReplyTo} when the defaults do not fit.
 *
 * <p>
 * The header values (recipients, subject, from, reply-to) may not contain a line break:
 * the constructor refuses one, so a value taken from user input cannot add headers of its
 * own (header injection). Addresses are checked as RFC 822 addresses when the message is
 * sent or enqueued. Immutable and thread-safe.
 *
 * @param to the recipients, at least one, such as {@code ada@example.com} or
 * {@code Ada Lovelace <ada@example.com>}
 * @param subject the subject, possibly empty
 * @param text the plain-text body, or {@code null} for an HTML-only message
 * @param html the HTML body, or {@code null} for a plain-text message; with both, the
 * message is multipart/alternative and the mail client picks one
 * @param from the sender, or {@code null} for the plugin's configured {@code from}
 * @param replyTo where replies go, or {@code null} for the sender
 * @since 0.1.0
 */
public record EmailMessage(List<String> to, String subject, @Nullable String text, @Nullable String html,
		@Nullable String from, @Nullable String replyTo) {

	/**
	 * Check and copy the values.
	 * @throws IllegalArgumentException when there is no recipient or no body, or a header
	 * value holds a line break
	 */
	public EmailMessage {
		if (to == null || to.isEmpty()) {
			throw new IllegalArgumentException("An email needs at least one recipient");
		}
		to = List.copyOf(to);
		for (String recipient : to) {
			requireHeader("recipient", recipient);
			if (recipient.isBlank()) {
				throw new IllegalArgumentException("A recipient of an email is blank");
			}
		}
		if (subject == null) {
			throw new IllegalArgumentException("An email needs a subject (it may be empty)");
		}
		requireHeader("subject", subject);
		if (text == null && html == null) {
			throw new IllegalArgumentException("An email needs a text or an HTML body");
		}
		if (from != null) {
			requireHeader("from", from);
		}
		if (replyTo != null) {
			requireHeader("reply-to", replyTo);
		}
	}

	/**
	 * A plain-text message from the configured sender.
	 * @param to the recipient
	 * @param subject the subject
	 * @param text the body
	 * @return the message
	 */
	public static EmailMessage text(String to, String subject, String text) {
		return new EmailMessage(List.of(to), subject, text, null, null, null);
	}

	/**
	 * An HTML message from the configured sender.
	 * @param to the recipient
	 * @param subject the subject
	 * @param html the body; escape what it includes from user input
	 * @return the message
	 */
	public static EmailMessage html(String to, String subject, String html) {
		return new EmailMessage(List.of(to), subject, null, html, null, null);
	}

	/**
	 * A message with both bodies (multipart/alternative) from the configured sender.
	 * @param to the recipients
	 * @param subject the subject
	 * @param text the plain-text body, or {@code null}
	 * @param html the HTML body, or {@code null}
	 * @return the message
	 */
	public static EmailMessage of(List<String> to, String subject, @Nullable String text, @Nullable String html) {
		return new EmailMessage(to, subject, text, html, null, null);
	}

	/**
	 * This message from another sender.
	 * @param from the sender, such as {@code Support <support@example.com>}
	 * @return a new message
	 */
	public EmailMessage withFrom(String from) {
		return new EmailMessage(this.to, this.subject, this.text, this.html, from, this.replyTo);
	}

	/**
	 * This message with a reply-to address.
	 * @param replyTo where replies go
	 * @return a new message
	 */
	public EmailMessage withReplyTo(String replyTo) {
		return new EmailMessage(this.to, this.subject, this.text, this.html, this.from, replyTo);
	}

	static void requireHeader(String name, @Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("The " + name + " of an email is null");
		}
		if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("The " + name + " of an email contains a line break, which could add "
					+ "headers of its own (header injection); it was refused");
		}
	}

}
