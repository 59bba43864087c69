package dev.plugboard.runtime.outbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.plugboard.OutboxPlugin;
import dev.plugboard.OutboxRecord;
import dev.plugboard.UndeliverableException;
import dev.plugboard.runtime.Hook;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.HookObserver.Outcome;
import dev.plugboard.runtime.RegisteredPlugin;

/**
 * The outbox worker pool of one application instance. A dispatcher thread claims due
 * rows, never more than there are idle workers, and hands each to a worker, which calls
 * the {@link OutboxPlugin} of its topic outside any transaction. A delivered row is
 * deleted; a failed one is scheduled again per the {@link RetrySchedule}, or made dead
 * after its last attempt or on an {@link UndeliverableException}. A plugin's exception
 * never ends a worker.
 *
 * <p>
 * The dispatcher claims again as soon as a transaction that enqueued commits
 * ({@link #wake()}) or a worker frees up, and otherwise every poll interval, which picks
 * up retries that fell due, rows other instances enqueued, and rows whose claim lease ran
 * out because their instance died.
 *
 * <p>
 * {@link #stop()} stops claiming, waits up to the shutdown timeout for deliveries in
 * flight, and gives back the claims of those that did not finish, so that the next start
 * takes them up at once. Thread-safe.
 *
 * @since 0.1.0
 */
public final class OutboxWorkers {

	private static final Logger logger = LoggerFactory.getLogger(OutboxWorkers.class);

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final OutboxStore store;

	private final Map<String, RegisteredPlugin> plugins;

	private final OutboxSettings settings;

	private final HookObserver observer;

	private final String owner;

	private final Semaphore wakeups = new Semaphore(0);

	private final Map<String, OutboxRecord> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Counts> counts;

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private @Nullable Semaphore slots;

	private @Nullable ExecutorService workers;

	private @Nullable Thread dispatcher;

	/**
	 * Create a pool, not yet started.
	 * @param store the table
	 * @param plugins the enabled plugins that implement {@link OutboxPlugin}; their
	 * topics must be distinct
	 * @param settings how the workers run
	 * @param observer where delivery timings go, as the {@link Hook#OUTBOX} hook
	 */
	public OutboxWorkers(OutboxStore store, List<RegisteredPlugin> plugins, OutboxSettings settings,
			HookObserver observer) {
		Map<String, RegisteredPlugin> byTopic = new LinkedHashMap<>();
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (RegisteredPlugin plugin : plugins) {
			String topic = ((OutboxPlugin) plugin.plugin()).topic();
			RegisteredPlugin existing = byTopic.putIfAbsent(topic, plugin);
			if (existing != null) {
				throw new IllegalArgumentException("Plugins '" + existing.id() + "' and '" + plugin.id()
						+ "' both deliver the outbox topic '" + topic + "'");
			}
			counts.put(topic, new Counts());
		}
		this.store = store;
		this.plugins = Collections.unmodifiableMap(byTopic);
		this.counts = Collections.unmodifiableMap(counts);
		this.settings = settings;
		this.observer = observer;
		this.owner = instanceName() + "/" + UUID.randomUUID();
	}

	private static String instanceName() {
		String host = System.getenv("HOSTNAME");
		return ((host != null && !host.isBlank()) ? host : "instance") + ":" + ProcessHandle.current().pid();
	}

	/**
	 * The topics the pool delivers.
	 * @return the topics
	 */
	public Set<String> topics() {
		return this.plugins.keySet();
	}

	/**
	 * The id this pool writes to {@code locked_by}, unique to this pool.
	 * @return the id
	 */
	public String owner() {
		return this.owner;
	}

	/** Start claiming and delivering; does nothing when already running. */
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			int pool = POOLS.incrementAndGet();
			this.slots = new Semaphore(this.settings.workers());
			this.workers = Executors.newFixedThreadPool(this.settings.workers(),
					threads("plugboard-outbox-" + pool + "-worker-"));
			this.running = true;
			Thread thread = threads("plugboard-outbox-" + pool + "-dispatcher-").newThread(this::dispatch);
			this.dispatcher = thread;
			thread.start();
		}
	}

	/**
	 * Whether the pool is running.
	 * @return whether it runs
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Ask the dispatcher to claim now rather than at the next poll: a record was
	 * committed. Cheap, and harmless when the pool is stopped.
	 */
	public void wake() {
		if (this.wakeups.availablePermits() == 0) {
			this.wakeups.release();
		}
	}

	/**
	 * Stop claiming, wait up to the shutdown timeout for the deliveries in flight, then
	 * interrupt the rest and give back their claims. Does nothing when not running.
	 */
	public void stop() {
		Thread dispatcher;
		ExecutorService workers;
		synchronized (this.lifecycle) {
			if (!this.running) {
				return;
			}
			this.running = false;
			dispatcher = this.dispatcher;
			workers = this.workers;
		}
		wake();
		if (dispatcher != null) {
			dispatcher.interrupt();
			join(dispatcher);
		}
		if (workers == null) {
			return;
		}
		workers.shutdown();
		boolean drained = awaitTermination(workers, this.settings.shutdownTimeout());
		if (!drained) {
			Set<String> unfinished = Set.copyOf(this.inFlight.keySet());
			int released = 0;
			try {
				released = this.store.release(unfinished, this.owner);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not give back the claims of {} outbox records; they are claimable again when "
						+ "their lease runs out", unfinished.size(), ex);
			}
			logger.info("Outbox stopped with {} deliveries unfinished after {}; {} records stay pending for the "
					+ "next start", unfinished.size(), this.settings.shutdownTimeout(), released);
			workers.shutdownNow();
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean awaitTermination(ExecutorService executor, Duration timeout) {
		try {
			return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * How many deliveries are running now in this instance.
	 * @return the count
	 */
	public int inFlight() {
		return this.inFlight.size();
	}

	/**
	 * Records of a topic delivered by this instance since it started.
	 * @param topic the topic
	 * @return the count
	 */
	public long delivered(String topic) {
		return counts(topic).delivered.sum();
	}

	/**
	 * Failed attempts of a topic for which a retry was scheduled.
	 * @param topic the topic
	 * @return the count
	 */
	public long retried(String topic) {
		return counts(topic).retried.sum();
	}

	/**
	 * Records of a topic this instance made dead.
	 * @param topic the topic
	 * @return the count
	 */
	public long deadLettered(String topic) {
		return counts(topic).deadLettered.sum();
	}

	private Counts counts(String topic) {
		Counts counts = this.counts.get(topic);
		if (counts == null) {
			throw new IllegalArgumentException("No plugin delivers the outbox topic '" + topic + "'");
		}
		return counts;
	}

	private void dispatch() {
		Semaphore slots = this.slots;
		ExecutorService workers = this.workers;
		if (slots == null || workers == null) {
			return;
		}
		long pollMillis = this.settings.pollInterval().toMillis();
		while (this.running) {
			int free = slots.availablePermits();
			boolean full = false;
			if (free > 0) {
				int wanted = Math.min(free, this.settings.batchSize());
				List<OutboxRecord> claimed = claim(wanted);
				for (OutboxRecord record : claimed) {
					if (this.inFlight.containsKey(record.id())) {
						continue;
					}
					slots.acquireUninterruptibly();
					this.inFlight.put(record.id(), record);
					try {
						workers.execute(() -> deliver(record, slots));
					}
					catch (RuntimeException ex) {
						this.inFlight.remove(record.id());
						slots.release();
						this.store.release(List.of(record.id()), this.owner);
					}
				}
				full = claimed.size() == wanted;
			}
			if (full && slots.availablePermits() > 0) {
				continue;
			}
			try {
				if (this.wakeups.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
					this.wakeups.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				if (!this.running) {
					return;
				}
			}
		}
	}

	private List<OutboxRecord> claim(int wanted) {
		try {
			return this.store.claim(this.plugins.keySet(), wanted, this.owner, this.settings.lease());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not claim outbox records; trying again in {}", this.settings.pollInterval(), ex);
			return List.of();
		}
	}

	private void deliver(OutboxRecord record, Semaphore slots) {
		try {
			RegisteredPlugin registered = this.plugins.get(record.topic());
			if (registered == null) {
				return;
			}
			Throwable failure = call((OutboxPlugin) registered.plugin(), registered, record);
			settle(record, failure);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the outcome of outbox record {}; it is delivered again when its claim "
					+ "lease runs out", record.id(), ex);
		}
		finally {
			this.inFlight.remove(record.id());
			slots.release();
			wake();
		}
	}

	private @Nullable Throwable call(OutboxPlugin plugin, RegisteredPlugin registered, OutboxRecord record) {
		boolean timed = this.observer.sampleInterval() != 0;
		long start = timed ? System.nanoTime() : 0;
		Throwable failure = null;
		try {
			plugin.deliver(record);
		}
		catch (Throwable ex) {
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
			failure = ex;
		}
		Outcome outcome = (failure != null) ? Outcome.FAULT : Outcome.SUCCESS;
		try {
			if (timed) {
				this.observer.timed(registered, Hook.OUTBOX, outcome, System.nanoTime() - start);
			}
			if (failure != null) {
				this.observer.outcome(registered, Hook.OUTBOX, outcome);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Hook observer failed", ex);
		}
		return failure;
	}

	private void settle(OutboxRecord record, @Nullable Throwable failure) {
		Counts counts = this.counts.get(record.topic());
		if (failure == null) {
			if (this.store.delivered(record.id(), this.owner)) {
				counts.delivered.increment();
			}
			else {
				logger.warn("Outbox record {} was delivered after its claim lease ran out; another worker may "
						+ "deliver it again (raise plugboard.outbox.lease)", record.id());
			}
			return;
		}
		String error = describe(failure);
		RetrySchedule retry = this.settings.retry();
		if (failure instanceof UndeliverableException || retry.exhausted(record.attempt())) {
			if (this.store.dead(record.id(), this.owner, record.attempt(), error)) {
				counts.deadLettered.increment();
				logger.warn("Outbox record {} of topic '{}' is dead after attempt {}: {}", record.id(), record.topic(),
						record.attempt(), error);
			}
			return;
		}
		Duration delay = retry.delayAfter(record.attempt(), ThreadLocalRandom.current().nextDouble());
		if (this.store.retry(record.id(), this.owner, record.attempt(), delay, error)) {
			counts.retried.increment();
			logger.debug("Outbox record {} of topic '{}' failed attempt {}, retrying in {}: {}", record.id(),
					record.topic(), record.attempt(), delay, error);
		}
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getName() + ((message != null) ? ": " + message : "");
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public String toString() {
		return "OutboxWorkers[topics=" + this.plugins.keySet() + ", owner=" + this.owner + ", running=" + this.running
				+ "]";
	}

	private static final class Counts {

		private final LongAdder delivered = new LongAdder();

		private final LongAdder retried = new LongAdder();

		private final LongAdder deadLettered = new LongAdder();

	}

}
