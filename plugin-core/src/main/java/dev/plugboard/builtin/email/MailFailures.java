package dev.plugboard.builtin.email;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailSendException;

/**
 * Tells a failure that retrying cannot cure from one that it may: a malformed address or
 * an SMTP reply in the 5xx range (a refused recipient, sender or message) is permanent;
 * everything else (a refused connection, a timeout, a 4xx reply such as 421 or 451) is
 * transient.
 */
final class MailFailures {

	private MailFailures() {
	}

	/**
	 * The permanent failure within a failed send, if there is one.
	 * @param failure what the send threw
	 * @return the permanent cause, or {@code null} when the failure may be transient
	 */
	static @Nullable Exception permanentCause(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.push(failure);
		while (!pending.isEmpty()) {
			Throwable current = pending.pop();
			if (!seen.add(current)) {
				continue;
			}
			if (current instanceof AddressException address) {
				return address;
			}
			int code = replyCode(current);
			if (code >= 500 && code < 600) {
				return (Exception) current;
			}
			if (current.getCause() != null) {
				pending.push(current.getCause());
			}
			if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.push(messaging.getNextException());
			}
			if (current instanceof MailSendException send) {
				for (Exception exception : send.getMessageExceptions()) {
					pending.push(exception);
				}
			}
		}
		return null;
	}

	private static int replyCode(Throwable failure) {
		if (failure instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		if (failure instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return -1;
	}

}
