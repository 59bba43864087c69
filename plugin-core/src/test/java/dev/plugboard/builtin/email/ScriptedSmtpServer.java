package dev.plugboard.builtin.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on the loopback interface whose replies a test chooses: a greeting
 * such as {@code 421} for the first connections, and the reply to {@code RCPT TO}, such
 * as {@code 550} or {@code 451}. Everything else is answered as a real server would, and
 * the messages it accepts are kept. For the failures GreenMail cannot be made to produce.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket server;

	private final Thread thread;

	private final int refusedConnections;

	private final String refusal;

	private final String rcptReply;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private ScriptedSmtpServer(int refusedConnections, String refusal, String rcptReply) throws IOException {
		this.refusedConnections = refusedConnections;
		this.refusal = refusal;
		this.rcptReply = rcptReply;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.thread = new Thread(this::serve, "scripted-smtp");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * A server that answers the first connections with a greeting that refuses them.
	 * @param connections how many connections to refuse
	 * @param greeting the refusing greeting, such as {@code 421 4.3.2 busy}
	 * @return the started server
	 */
	static ScriptedSmtpServer refusingFirst(int connections, String greeting) throws IOException {
		return new ScriptedSmtpServer(connections, greeting, "250 2.1.5 OK");
	}

	/**
	 * A server that answers every {@code RCPT TO} with the given reply.
	 * @param reply the reply, such as {@code 550 5.1.1 no such user}
	 * @return the started server
	 */
	static ScriptedSmtpServer answeringRcpt(String reply) throws IOException {
		return new ScriptedSmtpServer(0, "", reply);
	}

	int port() {
		return this.server.getLocalPort();
	}

	int connections() {
		return this.connections.get();
	}

	List<String> accepted() {
		return this.accepted;
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				socket.setSoTimeout(10_000);
				converse(socket, this.connections.incrementAndGet());
			}
			catch (IOException ex) {
				// closed, or the client went away: wait for the next connection
			}
		}
	}

	private void converse(Socket socket, int connection) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
		if (connection <= this.refusedConnections) {
			reply(out, this.refusal);
			return;
		}
		reply(out, "220 localhost scripted ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 localhost");
			}
			else if (command.startsWith("MAIL FROM")) {
				reply(out, "250 2.1.0 OK");
			}
			else if (command.startsWith("RCPT TO")) {
				reply(out, this.rcptReply);
			}
			else if (command.equals("DATA")) {
				reply(out, "354 end with <CRLF>.<CRLF>");
				StringBuilder data = new StringBuilder();
				while ((line = in.readLine()) != null && !line.equals(".")) {
					data.append(line).append("\r\n");
				}
				this.accepted.add(data.toString());
				reply(out, "250 2.0.0 queued");
			}
			else if (command.equals("QUIT")) {
				reply(out, "221 2.0.0 bye");
				return;
			}
			else if (command.equals("RSET") || command.equals("NOOP")) {
				reply(out, "250 2.0.0 OK");
			}
			else {
				reply(out, "502 5.5.2 not implemented");
			}
		}
	}

	private static void reply(Writer out, String reply) throws IOException {
		out.write(reply + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
