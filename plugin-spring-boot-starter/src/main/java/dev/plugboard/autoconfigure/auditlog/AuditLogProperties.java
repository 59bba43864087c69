package dev.plugboard.autoconfigure.auditlog;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.plugboard.builtin.auditlog.AuditLogConfig;
import dev.plugboard.autoconfigure.PluginSchemaProperties;

/**
 * Configuration of the {@code audit-log} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.audit-log")
public class AuditLogProperties extends PluginSchemaProperties {

	/**
	 * Field names whose old and new values are masked in the recorded changes. A field is
	 * masked when its name, ignoring case, '_' and '-', contains one of them. Defaults to
	 * password, secret, token, apiKey, credential and privateKey; a list given here
	 * replaces them.
	 */
	private List<String> mask = new ArrayList<>(AuditLogConfig.DEFAULT_MASK);

	/**
	 * Role a caller needs for the audit-log routes, without a 'ROLE_' prefix.
	 */
	private String role = "AUDITOR";

	/**
	 * Path of the routes: the pages of rows at the path itself, the chain verification at
	 * '/verify' below it.
	 */
	private String basePath = "/audit-log";

	/**
	 * Rows per page when a request gives no 'size'.
	 */
	private int defaultPageSize = 50;

	/**
	 * Largest 'size' a request may ask for.
	 */
	private int maxPageSize = 500;

	/**
	 * Location of the script that creates the audit tables. '@@platform@@' is replaced by
	 * the database's platform, such as 'h2' or 'postgresql'.
	 */
	private String schema = "classpath:dev/plugboard/autoconfigure/auditlog/schema-@@platform@@.sql";

	public List<String> getMask() {
		return this.mask;
	}

	public void setMask(List<String> mask) {
		this.mask = mask;
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public int getDefaultPageSize() {
		return this.defaultPageSize;
	}

	public void setDefaultPageSize(int defaultPageSize) {
		this.defaultPageSize = defaultPageSize;
	}

	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	@Override
	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

}
