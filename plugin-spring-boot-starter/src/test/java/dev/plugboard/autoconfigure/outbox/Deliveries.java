package dev.plugboard.autoconfigure.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import dev.plugboard.OutboxRecord;

/**
 * What the test receivers saw: every attempt, in order, with who made it and how it
 * ended, and every id that was in flight in two deliveries at once. One instance may be
 * shared by the plugins of several application contexts.
 */
final class Deliveries {

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final Set<String> overlaps = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> successes = new ConcurrentHashMap<>();

	void begin(OutboxRecord record) {
		if (!this.inFlight.add(record.id())) {
			this.overlaps.add(record.id());
		}
	}

	void end(String receiver, OutboxRecord record, @Nullable Exception failure) {
		this.inFlight.remove(record.id());
		this.attempts.add(new Attempt(receiver, record, Instant.now(), failure));
		if (failure == null) {
			this.successes.merge(record.id(), 1, Integer::sum);
		}
	}

	List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	List<Attempt> attempts(String id) {
		return this.attempts.stream().filter((attempt) -> attempt.record().id().equals(id)).toList();
	}

	Map<String, Integer> successes() {
		return Map.copyOf(this.successes);
	}

	boolean delivered(String id) {
		return this.successes.containsKey(id);
	}

	Set<String> overlaps() {
		return Set.copyOf(this.overlaps);
	}

	record Attempt(String receiver, OutboxRecord record, Instant at, @Nullable Exception failure) {

		boolean succeeded() {
			return this.failure == null;
		}

	}

}
