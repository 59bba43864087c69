package dev.plugboard.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.plugboard.OnError;

/**
 * Configuration properties for Plugboard: the plugin manifest and the runtime's settings.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard")
public class PlugboardProperties {

	/**
	 * Whether Plugboard is installed at all.
	 */
	private boolean enabled = true;

	/**
	 * Plugin manifest, keyed by plugin id. A built-in runs only when listed here; an
	 * application's own plugin bean runs unless its entry sets enabled to false. Keys
	 * other than the common ones are the plugin's own configuration.
	 */
	private Map<String, Plugin> plugins = new LinkedHashMap<>();

	/**
	 * What to do at startup about repository write paths whose entities the hooks cannot
	 * see (@Modifying queries, deleteAll() without arguments).
	 */
	private UnsupportedWrites unsupportedWrites = UnsupportedWrites.WARN;

	private final Deferred deferred = new Deferred();

	private final Filter filter = new Filter();

	private final Metrics metrics = new Metrics();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Plugin> getPlugins() {
		return this.plugins;
	}

	public void setPlugins(Map<String, Plugin> plugins) {
		this.plugins = plugins;
	}

	public UnsupportedWrites getUnsupportedWrites() {
		return this.unsupportedWrites;
	}

	public void setUnsupportedWrites(UnsupportedWrites unsupportedWrites) {
		this.unsupportedWrites = unsupportedWrites;
	}

	public Deferred getDeferred() {
		return this.deferred;
	}

	public Filter getFilter() {
		return this.filter;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * What to do about repository write paths that cannot show their entity to the hooks.
	 */
	public enum UnsupportedWrites {

		/** Log each such method at startup. */
		WARN,

		/** Stop the boot, naming each such method. */
		FAIL,

		/** Say nothing. */
		IGNORE

	}

	/**
	 * The common keys of one manifest entry.
	 */
	public static class Plugin {

		/**
		 * Whether the plugin runs. Built-ins run when listed unless false; application
		 * plugins run unless false.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Position among the plugins, lower first; overrides the plugin's default order.
		 * Ties are broken by id.
		 */
		private @Nullable Integer order;

		/**
		 * Aggregate names (table names by default) that the plugin's write hooks are
		 * restricted to. Empty for every entity.
		 */
		private List<String> entities = new ArrayList<>();

		/**
		 * What a fault in the plugin's before-request hook does: fail-open lets the
		 * request through, fail-closed answers 500. Defaults to the plugin's own choice
		 * (fail-closed for security gates, fail-open otherwise).
		 */
		private @Nullable OnError onError;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getOrder() {
			return this.order;
		}

		public void setOrder(@Nullable Integer order) {
			this.order = order;
		}

		public List<String> getEntities() {
			return this.entities;
		}

		public void setEntities(List<String> entities) {
			this.entities = entities;
		}

		public @Nullable OnError getOnError() {
			return this.onError;
		}

		public void setOnError(@Nullable OnError onError) {
			this.onError = onError;
		}

	}

	/**
	 * The executor for work deferred by after-write hooks.
	 */
	public static class Deferred {

		/**
		 * Number of worker threads.
		 */
		private int threads = 2;

		/**
		 * Number of tasks that may wait for a worker; further tasks are dropped and
		 * counted.
		 */
		private int queueCapacity = 1000;

		/**
		 * How long shutdown waits for queued and running tasks before dropping the rest.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

	}

	/**
	 * The servlet filter that runs before-request hooks.
	 */
	public static class Filter {

		/**
		 * Order of the filter in the servlet filter chain. The default runs before Spring
		 * Security's filter chain (-100).
		 */
		private int order = -110;

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

	}

	/**
	 * Hook metrics.
	 */
	public static class Metrics {

		/**
		 * One hook call in how many is timed for the plugboard.hook timer: a power of
		 * two, or 0 to time none. Rejections and faults are always counted.
		 */
		private int sampleInterval = 16;

		public int getSampleInterval() {
			return this.sampleInterval;
		}

		public void setSampleInterval(int sampleInterval) {
			this.sampleInterval = sampleInterval;
		}

	}

}
