package dev.plugboard.builtin.slugify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.slugify.SlugifyConfig.Source;
import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.builtin.support.StoredProperty;

/**
 * Derives a URL slug from a property of the entity on INSERT (and on UPDATE when the
 * source says so), for the aggregates its configuration lists: {@code Crème Brûlée} is
 * stored as {@code creme-brulee}. See {@link Slugger} for the spelling.
 *
 * <p>
 * A slug is unique in its table unless the source says otherwise: the taken slugs that
 * start with the new one are read in one query, and the first free of {@code slug},
 * {@code slug-2}, {@code slug-3}… is used, still within the maximum length. Two saves
 * that race for the same slug cannot both see it free, so the plugin asks for the save to
 * be retried on a duplicate key ({@link BeforeWriteContext#retryOnDuplicateKey(int)}):
 * the loser's statement is rolled back to a savepoint and the plugin picks again, among
 * the first few free slugs at random so that concurrent losers spread out. The slug
 * column must have a unique constraint for this to hold. Slugs handed out within one
 * transaction are remembered, so that {@code saveAll} of entities with the same source
 * gets distinct slugs too.
 *
 * <p>
 * An entity whose source is {@code null}, blank or has nothing to spell in ASCII gets no
 * slug (its slug property is left as it is), or the slug of the source's fallback text.
 * On an UPDATE that does not derive the slug again, an entity without a slug (built from
 * a client's body without it) gets the stored one back, at the cost of one query for the
 * stored row, loaded through {@link BeforeWriteContext#previous()}; a row stored without
 * a slug gets one. On an UPDATE that does derive it, an unchanged source keeps the slug.
 *
 * <p>
 * The plugin is immutable and thread-safe. Creating one is cheap: the database is first
 * asked about an aggregate's table on that aggregate's first write.
 *
 * @since 0.1.0
 */
public final class SlugifyPlugin implements BeforeWritePlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "slugify";

	/** Room kept after a capped base for a suffix: a hyphen and up to six digits. */
	private static final int SUFFIX_ROOM = 7;

	private static final Source NONE = Source.of("none", "none");

	private final Map<String, Source> sources;

	/** The sources by aggregate name as configured, keyed without case, '_' or '-'. */
	private final Map<String, Source> sourcesByKey;

	/** The source of each aggregate written so far, {@link #NONE} for none. */
	private final Map<String, Source> resolved = new ConcurrentHashMap<>();

	private final int maxAttempts;

	private final Slugger slugger;

	private final @Nullable JdbcOperations jdbc;

	private final Map<String, SlugColumn> columns = new ConcurrentHashMap<>();

	/** Keys this plugin's slugs handed out in the current transaction. */
	private final Object transactionKey = new Object();

	/**
	 * Create the plugin.
	 * @param config the aggregates and their slugs
	 * @param slugger how text is spelled as a slug
	 * @param jdbc the database the unique slugs are checked against, or {@code null} when
	 * no source is {@link Source#unique() unique}
	 * @throws PluginConfigurationException when a source is unique and there is no
	 * database
	 */
	public SlugifyPlugin(SlugifyConfig config, Slugger slugger, @Nullable JdbcOperations jdbc) {
		this.sources = config.sources();
		Map<String, Source> byKey = new HashMap<>();
		this.sources.forEach((aggregate, source) -> byKey.put(AggregateKey.of(aggregate), source));
		this.sourcesByKey = Map.copyOf(byKey);
		this.maxAttempts = config.maxAttempts();
		this.slugger = slugger;
		this.jdbc = jdbc;
		if (jdbc == null) {
			this.sources.forEach((aggregate, source) -> {
				if (source.unique()) {
					throw new PluginConfigurationException("sources." + aggregate + ".unique",
							"Unique slugs are checked against the database, and there is no JdbcTemplate; define one, "
									+ "or set 'unique: false'.");
				}
			});
		}
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.DATA;
	}

	@Override
	public void beforeWrite(BeforeWriteContext write) {
		if (write.op() == WriteOp.DELETE) {
			return;
		}
		Source source = source(write.aggregate());
		if (source == NONE) {
			return;
		}
		checkProperties(write, source);
		if (write.op() == WriteOp.INSERT) {
			String base = base(write, source);
			if (base != null) {
				assign(write, source, base);
			}
		}
		else if (source.onUpdate()) {
			derive(write, source);
		}
		else {
			keepStored(write, source);
		}
	}

	/**
	 * The source of an aggregate. Names are matched without case, '_' or '-', as Boot's
	 * binder drops '_' from map keys not written in brackets ({@code menu_item} binds as
	 * {@code menuitem}).
	 */
	private Source source(String aggregate) {
		Source source = this.resolved.get(aggregate);
		if (source == null) {
			source = this.resolved.computeIfAbsent(aggregate,
					(name) -> this.sourcesByKey.getOrDefault(AggregateKey.of(name), NONE));
		}
		return source;
	}

	private static void checkProperties(BeforeWriteContext write, Source source) {
		if (!write.has(source.from())) {
			throw new IllegalStateException("The slugify source of aggregate '" + write.aggregate() + "' is '"
					+ source.from() + "', but " + write.entity().getClass().getName() + " has no such property");
		}
		Class<?> type = write.propertyType(source.to());
		if (type == null) {
			throw new IllegalStateException("The slugify target of aggregate '" + write.aggregate() + "' is '"
					+ source.to() + "', but " + write.entity().getClass().getName() + " has no such property");
		}
		if (type != String.class) {
			throw new IllegalStateException("The slugify target '" + source.to() + "' of "
					+ write.entity().getClass().getName() + " (aggregate '" + write.aggregate() + "') is a "
					+ type.getName() + "; a slug is stored in a String property");
		}
	}

	/**
	 * The slug of the entity's source, without a suffix: from the fallback when the
	 * source has nothing to spell, or {@code null} when there is no fallback either.
	 */
	private @Nullable String base(BeforeWriteContext write, Source source) {
		Object value = write.get(source.from());
		String slug = (value != null) ? this.slugger.slug(value.toString(), source.maxLength()) : "";
		if (slug.isEmpty() && source.fallback() != null) {
			slug = this.slugger.slug(source.fallback(), source.maxLength());
		}
		return slug.isEmpty() ? null : slug;
	}

	/**
	 * UPDATE with {@code on-update}: keep the current slug (the entity's, else the stored
	 * one) while it is still a form of the source's slug; derive a new one when the
	 * source changed.
	 */
	private void derive(BeforeWriteContext write, Source source) {
		String base = base(write, source);
		if (base == null) {
			keepStored(write, source);
			return;
		}
		String incoming = (String) write.get(source.to());
		String current = hasText(incoming) ? incoming : storedSlug(write, source);
		if (write.attempt() == 1 && current != null && isFormOf(current, base, source)) {
			if (!current.equals(incoming)) {
				write.set(source.to(), current);
			}
			return;
		}
		assign(write, source, base);
	}

	/**
	 * UPDATE without {@code on-update}: an entity without a slug gets the stored one
	 * back; a stored row without one gets a slug as on INSERT.
	 */
	private void keepStored(BeforeWriteContext write, Source source) {
		if (hasText((String) write.get(source.to()))) {
			return;
		}
		String stored = storedSlug(write, source);
		if (stored != null) {
			write.set(source.to(), stored);
			return;
		}
		if (write.previous() != null) {
			String base = base(write, source);
			if (base != null) {
				assign(write, source, base);
			}
		}
	}

	private static @Nullable String storedSlug(BeforeWriteContext write, Source source) {
		Object stored = write.previous();
		if (stored == null) {
			return null;
		}
		Object slug = StoredProperty.get(stored, source.to());
		return (slug instanceof String text && hasText(text)) ? text : null;
	}

	/**
	 * Set the slug: the base itself, or for a unique source the first free form of it,
	 * skipping a few at random on a retry.
	 */
	private void assign(BeforeWriteContext write, Source source, String base) {
		if (!source.unique()) {
			write.set(source.to(), base);
			return;
		}
		write.retryOnDuplicateKey(this.maxAttempts);
		Set<String> taken = new HashSet<>(column(write, source).taken(requireJdbc(), base, stem(base, source)));
		Set<String> reserved = reserved(write.aggregate());
		taken.addAll(reserved);
		int skip = 0;
		if (write.attempt() > 1) {
			Object failed = write.get(source.to());
			if (failed instanceof String slug) {
				taken.add(slug);
			}
			skip = ThreadLocalRandom.current().nextInt(1 << Math.min(write.attempt() - 1, 6));
		}
		String slug = null;
		for (int n = 1; slug == null; n++) {
			String candidate = candidate(base, n, source.maxLength());
			if (!taken.contains(candidate) && skip-- == 0) {
				slug = candidate;
			}
		}
		reserved.add(slug);
		write.set(source.to(), slug);
	}

	private JdbcOperations requireJdbc() {
		if (this.jdbc == null) {
			throw new IllegalStateException("slugify has no database to check unique slugs against");
		}
		return this.jdbc;
	}

	private SlugColumn column(BeforeWriteContext write, Source source) {
		SlugColumn column = this.columns.get(write.aggregate());
		if (column == null) {
			column = this.columns.computeIfAbsent(write.aggregate(),
					(aggregate) -> SlugColumn.resolve(requireJdbc(), aggregate, write.entity().getClass(), source));
		}
		return column;
	}

	/**
	 * The n-th form of a slug: the base for 1, else the base, cut to leave room within
	 * the maximum length, with {@code -n} appended.
	 */
	static String candidate(String base, int n, int maxLength) {
		if (n == 1) {
			return base;
		}
		String suffix = "-" + n;
		return Slugger.cap(base, maxLength - suffix.length()) + suffix;
	}

	/**
	 * The prefix every form of the base (up to a six-digit suffix) starts with. Cutting
	 * at word boundaries keeps shorter cuts prefixes of longer ones.
	 */
	private static String stem(String base, Source source) {
		return (base.length() + SUFFIX_ROOM <= source.maxLength()) ? base
				: Slugger.cap(base, source.maxLength() - SUFFIX_ROOM);
	}

	/** Whether a slug is the base or one of its suffixed forms. */
	private static boolean isFormOf(String slug, String base, Source source) {
		if (slug.equals(base)) {
			return true;
		}
		int hyphen = slug.lastIndexOf('-');
		if (hyphen < 0 || hyphen == slug.length() - 1 || slug.length() - hyphen > SUFFIX_ROOM) {
			return false;
		}
		for (int i = hyphen + 1; i < slug.length(); i++) {
			if (!Character.isDigit(slug.charAt(i))) {
				return false;
			}
		}
		int n = Integer.parseInt(slug, hyphen + 1, slug.length(), 10);
		return n >= 2 && candidate(base, n, source.maxLength()).equals(slug);
	}

	/**
	 * The slugs handed out for an aggregate in the current transaction, so that the
	 * entities of one {@code saveAll}, which are all given their slug before any is
	 * inserted, do not get the same one. Outside a transaction, an empty set of its own.
	 */
	@SuppressWarnings("unchecked")
	private Set<String> reserved(String aggregate) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new HashSet<>();
		}
		Map<String, Set<String>> byAggregate = (Map<String, Set<String>>) TransactionSynchronizationManager
			.getResource(this.transactionKey);
		if (byAggregate == null) {
			byAggregate = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this.transactionKey, byAggregate);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(SlugifyPlugin.this.transactionKey);
				}

			});
		}
		return byAggregate.computeIfAbsent(aggregate, (key) -> new HashSet<>());
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	@Override
	public String toString() {
		return "SlugifyPlugin[sources=" + this.sources.keySet() + ", " + this.slugger + "]";
	}

}
