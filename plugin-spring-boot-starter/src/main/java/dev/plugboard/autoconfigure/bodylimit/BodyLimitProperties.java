package dev.plugboard.autoconfigure.bodylimit;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the {@code body-limit} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.body-limit")
public class BodyLimitProperties {

	/**
	 * Largest request body accepted on paths no entry of 'limits' matches.
	 */
	private DataSize maxSize = DataSize.ofMegabytes(1);

	/**
	 * Largest bodies for Spring path patterns, such as /uploads/**. The first entry whose
	 * pattern matches the request path applies.
	 */
	private List<Limit> limits = new ArrayList<>();

	public DataSize getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public List<Limit> getLimits() {
		return this.limits;
	}

	public void setLimits(List<Limit> limits) {
		this.limits = limits;
	}

	/**
	 * The largest body for the paths one pattern matches.
	 */
	public static class Limit {

		/**
		 * Spring path pattern of the request paths, such as /uploads/**.
		 */
		private @Nullable String path;

		/**
		 * Largest request body accepted on those paths.
		 */
		private @Nullable DataSize maxSize;

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(@Nullable DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

}
