package dev.plugboard.builtin.email;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.plugboard.OutboxRecord;
import dev.plugboard.UndeliverableException;
import dev.plugboard.WriteOp;
import dev.plugboard.test.AfterWriteResult;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code email} plugin against a real SMTP server in the test's JVM (GreenMail), and
 * a scripted one for the replies GreenMail does not give: what arrives, what is escaped,
 * what is refused, what an after-write enqueues, and which delivery failures are retried.
 */
class EmailPluginTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final EmailTemplate WELCOME = EmailTemplate.of("welcome", "Welcome, {{name}}",
			"Hello {{name}}, you are user {{id}}.", "<p>Hello <b>{{name}}</b></p>");

	private final RecordingOutbox outbox = new RecordingOutbox();

	@Test
	void sendDeliversTheSubjectAndBodyNow() throws Exception {
		plugin(greenMail.getSmtp().getPort()).sender()
			.send(EmailMessage.text("ada@example.com", "Your report", "It is ready.").withReplyTo("help@example.com"));
		MimeMessage received = single();
		assertThat(received.getSubject()).isEqualTo("Your report");
		assertThat(part(received, "text/plain")).isEqualTo("It is ready.");
		assertThat(received.getHeader("From")).containsExactly("Example <no-reply@example.com>");
		assertThat(received.getHeader("Reply-To")).containsExactly("help@example.com");
		assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
		assertThat(received.getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).isNull();
	}

	@Test
	void aTemplateVariableArrivesEscapedInTheHtmlBodyAndRawInTheTextBody() throws Exception {
		EmailSender sender = plugin(greenMail.getSmtp().getPort()).sender();
		sender.send(sender.render("welcome", List.of("ada@example.com"),
				Map.of("name", "<script>alert(1)</script>", "id", 42)));
		MimeMessage received = single();
		assertThat(received.getSubject()).isEqualTo("Welcome, <script>alert(1)</script>");
		assertThat(part(received, "text/html")).isEqualTo("<p>Hello <b>&lt;script&gt;alert(1)&lt;/script&gt;</b></p>");
		assertThat(part(received, "text/plain")).isEqualTo("Hello <script>alert(1)</script>, you are user 42.");
	}

	@Test
	void aHeaderInjectionThroughAVariableIsRefusedAndNothingIsSent() {
		EmailSender sender = plugin(greenMail.getSmtp().getPort()).sender();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> sender.send(sender.render("welcome", List.of("ada@example.com"),
					Map.of("name", "Ada\r\nBcc: all@example.com", "id", 1))))
			.withMessageContaining("contains a line break");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void anInvalidAddressIsRefusedBeforeSendingOrEnqueueing() {
		EmailSender sender = plugin(greenMail.getSmtp().getPort()).sender();
		assertThatIllegalArgumentException().isThrownBy(() -> sender.send(EmailMessage.text("ada", "Hi", "x")))
			.withMessageContaining("The recipient 'ada' is not an email address");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> sender.enqueue(EmailMessage.text("a@example.com, b@example.com", "Hi", "x")))
			.withMessageContaining("is not one email address but 2");
		assertThat(this.outbox.records()).isEmpty();
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void renderingAnUnknownTemplateNamesTheConfiguredOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> plugin(greenMail.getSmtp().getPort()).sender()
				.render("reset", List.of("ada@example.com"), Map.of()))
			.withMessage("There is no email template 'reset'; the templates are welcome "
					+ "(plugboard.plugins.email.templates)");
	}

	@Test
	void enqueueWritesToTheOutboxAndDeliveryCarriesTheIdempotencyId() throws Exception {
		EmailPlugin plugin = plugin(greenMail.getSmtp().getPort());
		String id = plugin.sender()
			.enqueue(EmailMessage.of(List.of("ada@example.com"), "Both", "plain", "<i>rich</i>"));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		OutboxRecord record = this.outbox.single();
		assertThat(record.id()).isEqualTo(id);
		assertThat(record.topic()).isEqualTo("email");
		plugin.deliver(record);
		MimeMessage received = single();
		assertThat(received.getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).containsExactly(id);
		assertThat(part(received, "text/plain")).isEqualTo("plain");
		assertThat(part(received, "text/html")).isEqualTo("<i>rich</i>");
	}

	@Test
	void afterWriteEnqueuesTheEventsTemplateRenderedWithTheEntitysProperties() throws Exception {
		EmailPlugin plugin = plugin(greenMail.getSmtp().getPort(),
				new EmailConfig.Event("user_account", WriteOp.INSERT, "welcome", List.of("{{email}}")));
		PluginHarness harness = PluginHarness.of(plugin);
		AfterWriteResult inserted = harness.afterWrite(WriteOp.INSERT, "user_account",
				new UserAccount(null, "<b>Ada</b>", "ada@example.com"), 5L);
		assertThat(harness.afterWrite(WriteOp.UPDATE, "user_account", new UserAccount(5L, "Ada", "ada@example.com"), 5L)
			.outbox()).isEmpty();
		assertThat(harness.afterWrite(WriteOp.INSERT, "note", new Note("ada@example.com"), 1L).outbox()).isEmpty();
		assertThat(inserted.faulted()).isFalse();
		OutboxRecord record = inserted.outbox().get(0);
		assertThat(inserted.outbox()).hasSize(1);
		assertThat(record.topic()).isEqualTo("email");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
		plugin.deliver(record);
		MimeMessage received = single();
		assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
		assertThat(received.getSubject()).isEqualTo("Welcome, <b>Ada</b>");
		assertThat(part(received, "text/plain")).isEqualTo("Hello <b>Ada</b>, you are user 5.");
		assertThat(part(received, "text/html")).isEqualTo("<p>Hello <b>&lt;b&gt;Ada&lt;/b&gt;</b></p>");
		assertThat(received.getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).containsExactly(record.id());
	}

	@Test
	void afterWriteRefusesARecipientPropertyThatInjectsHeadersAndEnqueuesNothing() {
		PluginHarness harness = PluginHarness.of(plugin(greenMail.getSmtp().getPort(),
				new EmailConfig.Event("user_account", WriteOp.INSERT, "welcome", List.of("{{email}}"))));
		AfterWriteResult injected = harness.afterWrite(WriteOp.INSERT, "user_account",
				new UserAccount(1L, "Ada", "ada@example.com\r\nBcc: all@example.com"), 1L);
		AfterWriteResult twoRecipients = harness.afterWrite(WriteOp.INSERT, "user_account",
				new UserAccount(2L, "Ada", "ada@example.com, all@example.com"), 2L);
		assertThat(injected.faulted()).isTrue();
		assertThat(injected.outbox()).isEmpty();
		assertThat(twoRecipients.faulted()).isTrue();
		assertThat(twoRecipients.outbox()).isEmpty();
		assertThat(harness.faults()).isEqualTo(2);
	}

	@Test
	void verifyNamesAVariableTheEntityLacks() {
		EmailPlugin plugin = plugin(greenMail.getSmtp().getPort(),
				new EmailConfig.Event("note", WriteOp.INSERT, "welcome", List.of("{{email}}")));
		assertThatThrownBy(() -> plugin.verify("note", Note.class))
			.hasMessage("The event sends template 'welcome', which uses {{name}}, but Note has no property 'name'. "
					+ "The variables are email, id.");
		plugin(greenMail.getSmtp().getPort(),
				new EmailConfig.Event("user_account", WriteOp.INSERT, "welcome", List.of("{{email}}")))
			.verify("user_account", UserAccount.class);
	}

	@Test
	void deliveryWhileTheServerIsDownThrowsToBeRetriedAndArrivesOnceWhenItIsBack() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		plugin(greenMail.getSmtp().getPort()).sender().enqueue(EmailMessage.text("ada@example.com", "Later", "x"));
		OutboxRecord record = this.outbox.single();
		assertThatThrownBy(() -> plugin(closedPort).deliver(record)).isInstanceOf(MailSendException.class)
			.isNotInstanceOf(UndeliverableException.class);
		plugin(greenMail.getSmtp().getPort()).deliver(retry(record));
		assertThat(single().getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).containsExactly(record.id());
	}

	@Test
	void aBadAddressInARecordMakesItUndeliverable() {
		OutboxRecord record = new OutboxRecord("r1", "email",
				"{\"to\":[\"not an address\"],\"subject\":\"Hi\",\"text\":\"x\"}", 1, Instant.now());
		assertThatThrownBy(() -> plugin(greenMail.getSmtp().getPort()).deliver(record))
			.isInstanceOf(UndeliverableException.class)
			.hasMessageContaining("The recipient 'not an address' is not an email address");
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aRecordWithMembersThisVersionDoesNotKnowIsDelivered() throws Exception {
		OutboxRecord record = new OutboxRecord("r2", "email",
				"{\"to\":[\"ada@example.com\"],\"subject\":\"Hi\",\"text\":\"x\",\"cc\":[\"b@example.com\"]}", 1,
				Instant.now());
		plugin(greenMail.getSmtp().getPort()).deliver(record);
		assertThat(single().getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).containsExactly("r2");
	}

	@Test
	void aMalformedPayloadIsUndeliverable() {
		OutboxRecord record = new OutboxRecord("r1", "email", "{\"to\":[]}", 1, Instant.now());
		assertThatThrownBy(() -> plugin(greenMail.getSmtp().getPort()).deliver(record))
			.isInstanceOf(UndeliverableException.class)
			.hasMessageContaining("The outbox record is not an email message");
	}

	@Test
	void aRecipientRefusedWith550IsUndeliverable() throws Exception {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRcpt("550 5.1.1 no such user")) {
			EmailPlugin plugin = plugin(server.port());
			plugin.sender().enqueue(EmailMessage.text("gone@example.com", "Hi", "x"));
			assertThatThrownBy(() -> plugin.deliver(this.outbox.single())).isInstanceOf(UndeliverableException.class)
				.hasMessageContaining("The mail server refused the message for good")
				.hasMessageContaining("550 5.1.1 no such user");
			assertThat(server.accepted()).isEmpty();
		}
	}

	@Test
	void aRecipientDeferredWith451IsRetried() throws Exception {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.answeringRcpt("451 4.3.0 try again later")) {
			EmailPlugin plugin = plugin(server.port());
			plugin.sender().enqueue(EmailMessage.text("ada@example.com", "Hi", "x"));
			assertThatThrownBy(() -> plugin.deliver(this.outbox.single())).isInstanceOf(MailSendException.class)
				.isNotInstanceOf(UndeliverableException.class);
		}
	}

	@Test
	void aServerAnswering421IsRetriedAndTheMessageArrivesOnceItAccepts() throws Exception {
		try (ScriptedSmtpServer server = ScriptedSmtpServer.refusingFirst(2, "421 4.3.2 too busy, try later")) {
			EmailPlugin plugin = plugin(server.port());
			plugin.sender().enqueue(EmailMessage.text("ada@example.com", "Hi", "once"));
			OutboxRecord record = this.outbox.single();
			assertThatThrownBy(() -> plugin.deliver(record)).isInstanceOf(MailSendException.class)
				.isNotInstanceOf(UndeliverableException.class);
			assertThatThrownBy(() -> plugin.deliver(retry(record))).isInstanceOf(MailSendException.class)
				.isNotInstanceOf(UndeliverableException.class);
			plugin.deliver(retry(retry(record)));
			assertThat(server.accepted()).singleElement()
				.satisfies((data) -> assertThat(data).contains(EmailPlugin.IDEMPOTENCY_HEADER + ": " + record.id()));
			assertThat(server.connections()).isEqualTo(3);
		}
	}

	private EmailPlugin plugin(int port, EmailConfig.Event... events) {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "5000");
		mailSender.setJavaMailProperties(properties);
		EmailConfig config = new EmailConfig("Example <no-reply@example.com>", Map.of("welcome", WELCOME),
				List.of(events));
		return new EmailPlugin(config, mailSender, () -> this.outbox);
	}

	private static OutboxRecord retry(OutboxRecord record) {
		return new OutboxRecord(record.id(), record.topic(), record.payload(), record.attempt() + 1,
				record.createdAt());
	}

	private static MimeMessage single() {
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static @Nullable String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return ((String) part.getContent()).replace("\r\n", "\n");
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = part(body, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	record UserAccount(@Nullable Long id, String name, String email) {
	}

	record Note(String email) {
	}

}
