package dev.plugboard.runtime;

/**
 * Receives hook timings and outcomes from the runtime, for metrics. Timings are sampled:
 * timing every call of a no-op hook would cost more than the hook, so the runtime times
 * one call in {@link #sampleInterval()} and reports every rejection and fault.
 */
public interface HookObserver {

	/** An observer that records nothing; the runtime then never reads the clock. */
	HookObserver NONE = new HookObserver() {

		@Override
		public int sampleInterval() {
			return 0;
		}

		@Override
		public void timed(RegisteredPlugin plugin, Hook hook, Outcome outcome, long nanos) {
		}

		@Override
		public void outcome(RegisteredPlugin plugin, Hook hook, Outcome outcome) {
		}

	};

	/** How a hook call ended. */
	enum Outcome {

		SUCCESS("success"), REJECTED("rejected"), FAULT("fault");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		public String tag() {
			return this.tag;
		}

	}

	/**
	 * One call in how many is timed: a power of two, or 0 to time none.
	 * @return the interval
	 */
	int sampleInterval();

	/**
	 * A sampled call's duration.
	 * @param plugin the plugin
	 * @param hook the hook
	 * @param outcome how it ended
	 * @param nanos its duration
	 */
	void timed(RegisteredPlugin plugin, Hook hook, Outcome outcome, long nanos);

	/**
	 * A rejection or fault, reported whether or not the call was sampled.
	 * @param plugin the plugin
	 * @param hook the hook
	 * @param outcome {@link Outcome#REJECTED} or {@link Outcome#FAULT}
	 */
	void outcome(RegisteredPlugin plugin, Hook hook, Outcome outcome);

}
