package dev.plugboard.autoconfigure.requestid;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code request-id} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.request-id")
public class RequestIdProperties {

	/**
	 * Request header that carries an incoming id, and response header the id is echoed
	 * in.
	 */
	private String header = "X-Request-Id";

	/**
	 * Key of the logging MDC entry that holds the id while the request is served.
	 */
	private String mdcKey = "requestId";

	/**
	 * Longest incoming id accepted, at most 256. A longer one, or one with characters
	 * other than letters, digits, '.', '_' and '-', is replaced by a generated id.
	 */
	private int maxLength = 64;

	/**
	 * Whether a safe incoming id is used. When false, every request gets a generated id,
	 * for applications that do not trust their clients or proxies to choose it.
	 */
	private boolean acceptIncoming = true;

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public String getMdcKey() {
		return this.mdcKey;
	}

	public void setMdcKey(String mdcKey) {
		this.mdcKey = mdcKey;
	}

	public int getMaxLength() {
		return this.maxLength;
	}

	public void setMaxLength(int maxLength) {
		this.maxLength = maxLength;
	}

	public boolean isAcceptIncoming() {
		return this.acceptIncoming;
	}

	public void setAcceptIncoming(boolean acceptIncoming) {
		this.acceptIncoming = acceptIncoming;
	}

}
