package dev.plugboard.runtime;

import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * What the before-write and after-write hooks of one entity's write share: the stored
 * entity, loaded at most once, and the retry state. The repository interceptor creates
 * one per entity and write; not thread-safe, as a write runs on one thread.
 */
public final class EntityWrite {

	private final @Nullable UnaryOperator<@Nullable Object> loader;

	private boolean loaded;

	private @Nullable Object previous;

	private int attempt = 1;

	private int maxAttempts = 1;

	private boolean skipped;

	private boolean savesInstead;

	/**
	 * Create the state of one write.
	 * @param loader loads the stored entity for the entity being written (by its id), or
	 * {@code null} when the stored entity cannot be loaded
	 */
	public EntityWrite(@Nullable UnaryOperator<@Nullable Object> loader) {
		this.loader = loader;
	}

	/**
	 * The state of a write whose stored entity is known up front (the test harness).
	 * @param previous the stored entity, or {@code null}
	 * @return the state
	 */
	public static EntityWrite withPrevious(@Nullable Object previous) {
		EntityWrite write = new EntityWrite(null);
		write.loaded = true;
		write.previous = previous;
		return write;
	}

	@Nullable Object loadPrevious(Object entity) {
		if (!this.loaded) {
			this.loaded = true;
			this.previous = (this.loader != null) ? this.loader.apply(entity) : null;
		}
		return this.previous;
	}

	@Nullable Object loadedPrevious() {
		return this.previous;
	}

	/**
	 * Which try this is, from 1.
	 * @return the attempt
	 */
	public int attempt() {
		return this.attempt;
	}

	/**
	 * How many tries in all the hooks asked for.
	 * @return at least 1
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	void requestAttempts(int maxAttempts) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		this.maxAttempts = Math.max(this.maxAttempts, maxAttempts);
	}

	/**
	 * Move to the next try, after a duplicate key.
	 * @return whether another try is allowed
	 */
	public boolean nextAttempt() {
		if (this.attempt >= this.maxAttempts) {
			return false;
		}
		this.attempt++;
		this.skipped = false;
		return true;
	}

	/**
	 * Whether a before-write hook skipped the statement for this entity.
	 * @return whether nothing must be written for it
	 */
	public boolean skipped() {
		return this.skipped;
	}

	void skip() {
		this.skipped = true;
	}

	/**
	 * Whether a before-write hook turned this DELETE into a save: the entity the hooks
	 * return is to be saved (as an UPDATE) instead of deleted.
	 * @return whether the delete becomes a save
	 */
	public boolean savesInstead() {
		return this.savesInstead;
	}

	void saveInstead() {
		this.savesInstead = true;
	}

}
