package dev.plugboard.builtin.auditlog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link AuditLogPlugin}.
 *
 * @param mask field names whose values are masked in the recorded changes; a field is
 * masked when its name, without case, {@code _} or {@code -}, contains one of them
 * ({@code password} masks {@code passwordHash})
 * @param role the role a caller needs for the routes, without a {@code ROLE_} prefix
 * @param basePath the path of the routes: the page of rows at {@code basePath}, the
 * verification at {@code basePath/verify}
 * @param defaultPageSize rows per page when a request does not say
 * @param maxPageSize the largest page a request may ask for
 * @since 0.1.0
 */
public record AuditLogConfig(List<String> mask, String role, String basePath, int defaultPageSize, int maxPageSize) {

	/** The field names masked by default. */
	public static final List<String> DEFAULT_MASK = List.of("password", "secret", "token", "apiKey", "credential",
			"privateKey");

	/** The role the routes require by default. */
	public static final String DEFAULT_ROLE = "AUDITOR";

	/** The routes' default base path. */
	public static final String DEFAULT_BASE_PATH = "/audit-log";

	/**
	 * Check and copy the values.
	 * @throws PluginConfigurationException when a value is unusable, naming its key
	 */
	public AuditLogConfig {
		Set<String> names = new LinkedHashSet<>();
		for (String name : mask) {
			if (name == null || normalize(name).isEmpty()) {
				throw new PluginConfigurationException("mask",
						"A masked field name is blank; list field names such as 'password', or remove the entry.");
			}
			names.add(name);
		}
		mask = List.copyOf(names);
		if (role == null || role.isBlank() || role.startsWith("ROLE_")) {
			throw new PluginConfigurationException("role",
					"'" + role + "' is not a role name; give the role without a ROLE_ prefix, such as 'AUDITOR'.");
		}
		if (basePath == null || !basePath.startsWith("/") || basePath.length() < 2 || basePath.endsWith("/")
				|| basePath.contains("{") || basePath.contains("*") || basePath.contains(" ")) {
			throw new PluginConfigurationException("base-path", "'" + basePath
					+ "' is not a usable base path; give a literal path that starts with '/' and does not end with one, such as '/audit-log'.");
		}
		if (maxPageSize < 1) {
			throw new PluginConfigurationException("max-page-size",
					maxPageSize + " is not a page size; give at least 1.");
		}
		if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
			throw new PluginConfigurationException("default-page-size", defaultPageSize
					+ " is not between 1 and max-page-size (" + maxPageSize + "); give a size in that range.");
		}
	}

	/**
	 * The defaults: {@link #DEFAULT_MASK}, role {@code AUDITOR}, routes under
	 * {@code /audit-log}, pages of 50 rows and at most 500.
	 * @return the default configuration
	 */
	public static AuditLogConfig defaults() {
		return new AuditLogConfig(DEFAULT_MASK, DEFAULT_ROLE, DEFAULT_BASE_PATH, 50, 500);
	}

	static String normalize(String name) {
		StringBuilder key = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
				key.append(Character.toLowerCase(c));
			}
		}
		return key.toString().toLowerCase(Locale.ROOT);
	}

}
