package dev.plugboard.autoconfigure.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.builtin.email.EmailMessage;
import dev.plugboard.builtin.email.EmailPlugin;
import dev.plugboard.builtin.email.EmailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code email} built-in end to end on H2: a user inserted through a Spring Data
 * repository gets a welcome mail through the outbox runtime, from Spring Boot's
 * JavaMailSender to a real SMTP server (GreenMail); a server that is down for the first
 * attempts gets the message once, later.
 */
@SpringBootTest(classes = EmailTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true", "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-email/schema.sql",
				"spring.config.import=classpath:plugboard-email/manifest.yml", "plugboard.outbox.poll-interval=50ms",
				"plugboard.outbox.retry.initial-delay=100ms", "plugboard.outbox.retry.multiplier=1",
				"plugboard.outbox.retry.jitter=0", "plugboard.outbox.retry.max-attempts=100" })
class H2EmailIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static GreenMail greenMail = started();

	@Autowired
	private UserAccountRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private EmailSender email;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::getPort);
		registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "5000");
		registry.add("spring.mail.properties[mail.smtp.timeout]", () -> "5000");
	}

	@BeforeEach
	void reset() throws Exception {
		if (!greenMail.isRunning()) {
			greenMail = started();
		}
		greenMail.purgeEmailFromAllMailboxes();
		this.jdbc.update("DELETE FROM user_account");
	}

	@AfterAll
	static void stop() {
		greenMail.stop();
	}

	@Test
	void insertingAUserDeliversTheWelcomeMailThroughTheOutbox() throws Exception {
		UserAccount saved = this.users.save(new UserAccount(null, "<Ada>", "ada@example.com"));
		await("the welcome mail", () -> greenMail.getReceivedMessages().length == 1 && outboxIsEmpty());
		MimeMessage received = greenMail.getReceivedMessages()[0];
		assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
		assertThat(received.getSubject()).isEqualTo("Welcome, <Ada>");
		assertThat(received.getHeader("From")).containsExactly("Example <no-reply@example.com>");
		assertThat(received.getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).singleElement().isNotNull();
		assertThat(part(received, "text/html"))
			.isEqualTo("<p>Hello <b>&lt;Ada&gt;</b>, you are user " + saved.id() + ".</p>");
		assertThat(part(received, "text/plain")).isEqualTo("Hello <Ada>, you are user " + saved.id() + ".");
	}

	@Test
	void aMailServerThatIsDownAtFirstGetsTheMessageOnceLater() throws Exception {
		greenMail.stop();
		this.users.save(new UserAccount(null, "Grace", "grace@example.com"));
		await("two refused attempts",
				() -> this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM plugboard_outbox WHERE attempts >= 2 AND last_error IS NOT NULL",
						Integer.class) == 1);
		String id = this.jdbc.queryForObject("SELECT id FROM plugboard_outbox", String.class);
		assertThat(this.jdbc.queryForObject("SELECT last_error FROM plugboard_outbox", String.class))
			.contains("Connection refused");
		greenMail = started();
		await("the welcome mail", () -> greenMail.getReceivedMessages().length >= 1 && outboxIsEmpty());
		assertThat(greenMail.getReceivedMessages()).singleElement().satisfies((received) -> {
			assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("grace@example.com");
			assertThat(received.getHeader(EmailPlugin.IDEMPOTENCY_HEADER)).containsExactly(id);
		});
	}

	@Test
	void aRolledBackTransactionEnqueuesNothing() throws Exception {
		this.transactions.executeWithoutResult((status) -> {
			this.users.save(new UserAccount(null, "Eve", "eve@example.com"));
			this.email.enqueue(EmailMessage.text("eve@example.com", "Your order", "Thanks"));
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_outbox", Integer.class)).isEqualTo(2);
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_outbox", Integer.class)).isZero();
		this.users.save(new UserAccount(null, "Ada", "ada@example.com"));
		await("the committed user's mail", () -> greenMail.getReceivedMessages().length == 1 && outboxIsEmpty());
		assertThat(greenMail.getReceivedMessages()[0].getAllRecipients()).extracting(Object::toString)
			.containsExactly("ada@example.com");
	}

	private boolean outboxIsEmpty() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM plugboard_outbox", Integer.class) == 0;
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + PATIENCE + " for " + what);
			}
			Thread.sleep(20);
		}
	}

	private static @Nullable String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static GreenMail started() {
		GreenMail server = new GreenMail(SMTP);
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
