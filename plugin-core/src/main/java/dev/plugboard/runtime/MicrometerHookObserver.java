package dev.plugboard.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A {@link HookObserver} that records to Micrometer: the timer {@value #TIMER} for
 * sampled hook calls and the counter {@value #OUTCOMES} for every rejection and fault,
 * both tagged {@code plugin}, {@code hook} and {@code outcome}. Use it whenever
 * Micrometer is present; the starter creates one when the application has a
 * {@link MeterRegistry}.
 *
 * <p>
 * The timer's count is sampled (one call in {@link #sampleInterval()}), so read it for
 * latency, not for volume; the counter is exact. Meters are looked up once per plugin,
 * hook and outcome and cached; recording allocates nothing. Thread-safe.
 *
 * @since 0.1.0
 */
public final class MicrometerHookObserver implements HookObserver {

	/** Name of the timer of sampled hook calls. */
	public static final String TIMER = "plugboard.hook";

	/** Name of the counter of rejections and faults. */
	public static final String OUTCOMES = "plugboard.hook.outcomes";

	private static final int HOOKS = Hook.values().length;

	private static final int OUTCOME_COUNT = Outcome.values().length;

	private final MeterRegistry registry;

	private final int sampleInterval;

	private final Map<RegisteredPlugin, Meters> meters = new ConcurrentHashMap<>();

	/**
	 * Create an observer.
	 * @param registry where the meters are registered
	 * @param sampleInterval one call in how many is timed: a power of two, or 0 to time
	 * none
	 * @throws IllegalArgumentException when the interval is neither 0 nor a power of two
	 */
	public MicrometerHookObserver(MeterRegistry registry, int sampleInterval) {
		if (!isValidSampleInterval(sampleInterval)) {
			throw new IllegalArgumentException(
					"Sample interval must be 0 or a power of two (1, 2, 4, 8, ...), was " + sampleInterval);
		}
		this.registry = registry;
		this.sampleInterval = sampleInterval;
	}

	/**
	 * Whether a sample interval is usable: 0 (time no calls) or a power of two.
	 * @param sampleInterval the interval
	 * @return whether it is valid
	 */
	public static boolean isValidSampleInterval(int sampleInterval) {
		return sampleInterval == 0 || (sampleInterval > 0 && Integer.bitCount(sampleInterval) == 1);
	}

	@Override
	public int sampleInterval() {
		return this.sampleInterval;
	}

	@Override
	public void timed(RegisteredPlugin plugin, Hook hook, Outcome outcome, long nanos) {
		meters(plugin).timer(hook, outcome).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void outcome(RegisteredPlugin plugin, Hook hook, Outcome outcome) {
		meters(plugin).counter(hook, outcome).increment();
	}

	private Meters meters(RegisteredPlugin plugin) {
		Meters meters = this.meters.get(plugin);
		if (meters == null) {
			meters = this.meters.computeIfAbsent(plugin, (key) -> new Meters(key.id()));
		}
		return meters;
	}

	private final class Meters {

		private final String pluginId;

		private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(HOOKS * OUTCOME_COUNT);

		private final AtomicReferenceArray<Counter> counters = new AtomicReferenceArray<>(HOOKS * OUTCOME_COUNT);

		Meters(String pluginId) {
			this.pluginId = pluginId;
		}

		Timer timer(Hook hook, Outcome outcome) {
			int index = hook.ordinal() * OUTCOME_COUNT + outcome.ordinal();
			Timer timer = this.timers.get(index);
			if (timer == null) {
				timer = Timer.builder(TIMER)
					.description("Duration of sampled plugin hook calls")
					.tags("plugin", this.pluginId, "hook", hook.tag(), "outcome", outcome.tag())
					.register(MicrometerHookObserver.this.registry);
				this.timers.set(index, timer);
			}
			return timer;
		}

		Counter counter(Hook hook, Outcome outcome) {
			int index = hook.ordinal() * OUTCOME_COUNT + outcome.ordinal();
			Counter counter = this.counters.get(index);
			if (counter == null) {
				counter = Counter.builder(OUTCOMES)
					.description("Plugin hook calls that rejected or faulted")
					.tags("plugin", this.pluginId, "hook", hook.tag(), "outcome", outcome.tag())
					.register(MicrometerHookObserver.this.registry);
				this.counters.set(index, counter);
			}
			return counter;
		}

	}

}
