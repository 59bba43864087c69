package dev.plugboard.builtin.email;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Sends email for the application and for other plugins, through the application's
 * {@code JavaMailSender}. When the manifest lists the {@code email} built-in, the starter
 * offers it as a bean; inject it.
 *
 * <p>
 * Which method to use:
 * <ul>
 * <li>{@link #enqueue} for mail that is part of a business change and must not be lost
 * nor sent for a change that rolled back (a welcome mail, an order confirmation): call it
 * inside the transaction that makes the change. The message is written to the durable
 * outbox in that transaction and sent after the commit, retried while the mail server is
 * unreachable, and sent again only if a crash hits between the send and its
 * bookkeeping.</li>
 * <li>{@link #send} when the caller needs to know now whether the mail server took the
 * message and can report a failure itself (a "send test mail" button, a command-line
 * tool). It blocks for the SMTP conversation and is neither retried nor transactional. Do
 * not call it from a repository hook.</li>
 * </ul>
 *
 * <p>
 * Implementations are thread-safe.
 *
 * @since 0.1.0
 */
public interface EmailSender {

	/**
	 * Send a message now, on the calling thread.
	 * @param message the message
	 * @throws IllegalArgumentException when an address is not a valid RFC 822 address
	 * @throws org.springframework.mail.MailException when the mail server cannot be
	 * reached or refuses the message
	 */
	void send(EmailMessage message);

	/**
	 * Put a message in the durable outbox, in the caller's transaction if there is one
	 * (committed at once otherwise); it is sent after the commit and retried until the
	 * mail server takes it or the outbox's schedule is exhausted. Each delivery carries
	 * the returned id in the {@value EmailPlugin#IDEMPOTENCY_HEADER} header, so that a
	 * repeated delivery can be recognised.
	 * @param message the message
	 * @return the outbox record's idempotency id
	 * @throws IllegalArgumentException when an address is not a valid RFC 822 address
	 * @throws IllegalStateException when the application has no outbox runtime
	 */
	String enqueue(EmailMessage message);

	/**
	 * Build a message from one of the templates configured under
	 * {@code plugboard.plugins.email.templates}. Variables are HTML-escaped in the HTML
	 * body, inserted as they are in the text body, and refused in the subject when they
	 * hold a line break.
	 * @param template the template's name
	 * @param to the recipients
	 * @param variables the values of the template's placeholders; a {@code null} value
	 * renders as nothing
	 * @return the message, to {@link #send} or {@link #enqueue}
	 * @throws IllegalArgumentException when there is no such template, or it uses a
	 * variable that {@code variables} lacks
	 */
	EmailMessage render(String template, List<String> to, Map<String, ? extends @Nullable Object> variables);

}
