package dev.plugboard.builtin.bodylimit;

import java.util.List;

import dev.plugboard.PluginConfigurationException;

/**
 * The configuration of the {@link BodyLimitPlugin}: the largest body by default, and
 * larger or smaller limits for some paths.
 *
 * @param maxSize the largest request body accepted where no limit below matches, in bytes
 * @param limits limits for path patterns, the first matching one applies
 * @since 0.1.0
 */
public record BodyLimitConfig(long maxSize, List<Limit> limits) {

	/** The default largest body: 1 MiB. */
	public static final long DEFAULT_MAX_SIZE = 1024 * 1024;

	/**
	 * Check the sizes and copy the list.
	 * @throws PluginConfigurationException when a size is negative or a path is blank
	 */
	public BodyLimitConfig {
		if (maxSize < 0) {
			throw new PluginConfigurationException("max-size",
					"The largest body must not be negative, was " + maxSize + " bytes. Use a size such as 1MB.");
		}
		limits = List.copyOf(limits);
		for (int i = 0; i < limits.size(); i++) {
			Limit limit = limits.get(i);
			if (limit.path() == null || limit.path().isBlank()) {
				throw new PluginConfigurationException("limits[" + i + "].path",
						"The path pattern is blank. Use a Spring path pattern such as /uploads/**.");
			}
			if (limit.maxSize() < 0) {
				throw new PluginConfigurationException("limits[" + i + "].max-size", "The largest body for '"
						+ limit.path() + "' must not be negative, was " + limit.maxSize() + " bytes.");
			}
		}
	}

	/**
	 * The default: 1 MiB everywhere.
	 * @return the default configuration
	 */
	public static BodyLimitConfig defaults() {
		return new BodyLimitConfig(DEFAULT_MAX_SIZE, List.of());
	}

	/**
	 * The largest body for the paths a pattern matches.
	 *
	 * @param path a Spring {@code PathPattern}, such as {@code /uploads/**}
	 * @param maxSize the largest body accepted there, in bytes
	 */
	public record Limit(String path, long maxSize) {
	}

}
