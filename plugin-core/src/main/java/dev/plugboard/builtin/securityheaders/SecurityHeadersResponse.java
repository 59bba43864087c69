package dev.plugboard.builtin.securityheaders;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Adds the configured headers the application has not set, once, when the response is
 * about to be committed; a header the application sets or adds afterwards replaces the
 * added value instead of joining it. Run as a completion callback it adds them to a
 * response that was never written to (a 204, a redirect-free empty answer).
 */
final class SecurityHeadersResponse extends HttpServletResponseWrapper implements Runnable {

	private final String[] names;

	private final String[] values;

	private boolean applied;

	/** Bit {@code i} set while header {@code i} holds the plugin's value. */
	private int ours;

	SecurityHeadersResponse(HttpServletResponse response, String[] names, String[] values) {
		super(response);
		this.names = names;
		this.values = values;
	}

	private void apply() {
		if (this.applied) {
			return;
		}
		this.applied = true;
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (response.isCommitted()) {
			return;
		}
		for (int i = 0; i < this.names.length; i++) {
			if (!response.containsHeader(this.names[i])) {
				response.setHeader(this.names[i], this.values[i]);
				this.ours |= 1 << i;
			}
		}
	}

	/**
	 * Forget that header {@code name} holds the plugin's value.
	 * @return whether it did
	 */
	private boolean release(String name) {
		if (this.ours == 0) {
			return false;
		}
		for (int i = 0; i < this.names.length; i++) {
			if ((this.ours & (1 << i)) != 0 && this.names[i].equalsIgnoreCase(name)) {
				this.ours &= ~(1 << i);
				return true;
			}
		}
		return false;
	}

	@Override
	public void run() {
		apply();
	}

	@Override
	public void setHeader(String name, String value) {
		release(name);
		super.setHeader(name, value);
	}

	@Override
	public void addHeader(String name, String value) {
		if (release(name)) {
			super.setHeader(name, value);
		}
		else {
			super.addHeader(name, value);
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		apply();
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		apply();
		return super.getWriter();
	}

	@Override
	public void flushBuffer() throws IOException {
		apply();
		super.flushBuffer();
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		apply();
		super.sendError(sc, msg);
	}

	@Override
	public void sendError(int sc) throws IOException {
		apply();
		super.sendError(sc);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		apply();
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		apply();
		super.sendRedirect(location, sc, clearBuffer);
	}

	@Override
	public void reset() {
		super.reset();
		this.applied = false;
		this.ours = 0;
	}

}
