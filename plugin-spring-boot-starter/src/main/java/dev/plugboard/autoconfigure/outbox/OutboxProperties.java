package dev.plugboard.autoconfigure.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import dev.plugboard.autoconfigure.PluginSchemaProperties;

/**
 * Configuration of the durable outbox, which exists when an enabled plugin implements
 * {@code OutboxPlugin}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.outbox")
public class OutboxProperties extends PluginSchemaProperties {

	/**
	 * Deliveries that may run at once in this instance.
	 */
	private int workers = 4;

	/**
	 * Most rows one claim query takes; never more than there are idle workers.
	 */
	private int batchSize = 20;

	/**
	 * How often the table is polled for retries that fell due, rows other instances
	 * enqueued and claims whose lease ran out. A commit that enqueued wakes the workers
	 * at once.
	 */
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * How long a claimed row stays claimed. A delivery must end well within it (give
	 * remote calls shorter timeouts); after it the row may be claimed again, and rows of
	 * an instance that died are taken up by the others once it has run out.
	 */
	private Duration lease = Duration.ofMinutes(2);

	/**
	 * How long stopping the application waits for deliveries in flight. The claims of
	 * those still running are then given back, so the next start delivers them.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * When failed deliveries are tried again.
	 */
	private final Retry retry = new Retry();

	/**
	 * Location of the script that creates the outbox table. '@@platform@@' is replaced by
	 * the database's platform, such as 'h2' or 'postgresql'.
	 */
	private String schema = "classpath:dev/plugboard/autoconfigure/outbox/schema-@@platform@@.sql";

	public int getWorkers() {
		return this.workers;
	}

	public void setWorkers(int workers) {
		this.workers = workers;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	@Override
	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	/**
	 * The retry schedule.
	 */
	public static class Retry {

		/**
		 * Delay after the first failed attempt.
		 */
		private Duration initialDelay = Duration.ofSeconds(1);

		/**
		 * Factor applied to the delay after each further failure.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest delay between two attempts.
		 */
		private Duration maxDelay = Duration.ofHours(1);

		/**
		 * Attempts in all, the first included; after the last failed one the record is
		 * dead.
		 */
		private int maxAttempts = 10;

		/**
		 * Fraction, between 0 and 1, by which each delay is randomly shortened or
		 * lengthened, so that records that failed together are not retried together.
		 */
		private double jitter = 0.2;

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

}
