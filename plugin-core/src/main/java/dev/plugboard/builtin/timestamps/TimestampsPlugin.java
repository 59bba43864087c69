package dev.plugboard.builtin.timestamps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.builtin.support.StoredProperty;

/**
 * Stamps the created and updated times of entities on every repository save: an INSERT
 * sets both to the same time, an UPDATE sets the updated time and keeps the created time
 * as stored, so that an entity built from a client's body without its created time (or
 * with another one) never nulls or overwrites it.
 *
 * <p>
 * The times come from the {@link Clock} the plugin is given, truncated to microseconds
 * (the precision of a SQL {@code TIMESTAMP} on H2 and PostgreSQL, so that the saved
 * entity equals the row read back). A property may be an {@link Instant}, an
 * {@link OffsetDateTime} or a {@link LocalDateTime} (both in the clock's zone); another
 * type is a fault that names the entity, the property and the type. An entity without the
 * properties is left alone, unless the configuration names them for its aggregate.
 *
 * <p>
 * Keeping the created time costs one query per UPDATE: the stored row, loaded through
 * {@link BeforeWriteContext#previous()} (once per write, shared with the other plugins
 * that need it). It is loaded only for entities that have a created property, and, with
 * {@link TimestampsConfig#trustIncomingCreated()}, only when the entity's created time is
 * {@code null}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TimestampsPlugin implements BeforeWritePlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "timestamps";

	private final Clock clock;

	private final boolean trustIncomingCreated;

	private final Names defaults;

	/** The overrides keyed by aggregate name without case, '_' or '-'. */
	private final Map<String, Names> overrides;

	/** The names of each aggregate written so far. */
	private final Map<String, Names> resolved = new ConcurrentHashMap<>();

	/**
	 * Create the plugin with the default property names, {@code createdAt} and
	 * {@code updatedAt}.
	 * @param clock the clock the times come from
	 */
	public TimestampsPlugin(Clock clock) {
		this(TimestampsConfig.defaults(), clock);
	}

	/**
	 * Create the plugin.
	 * @param config the property names and the UPDATE policy
	 * @param clock the clock the times come from
	 */
	public TimestampsPlugin(TimestampsConfig config, Clock clock) {
		this.clock = clock;
		this.trustIncomingCreated = config.trustIncomingCreated();
		this.defaults = new Names(config.created(), config.updated(), false, false);
		Map<String, Names> overrides = new HashMap<>();
		config.fields()
			.forEach((aggregate, fields) -> overrides.put(AggregateKey.of(aggregate),
					new Names((fields.created() != null) ? fields.created() : config.created(),
							(fields.updated() != null) ? fields.updated() : config.updated(), fields.created() != null,
							fields.updated() != null)));
		this.overrides = Map.copyOf(overrides);
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
		Names names = names(write.aggregate());
		Class<?> createdType = type(write, names.created(), names.createdRequired(), "created");
		Class<?> updatedType = type(write, names.updated(), names.updatedRequired(), "updated");
		if (createdType == null && updatedType == null) {
			return;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (write.op() == WriteOp.INSERT) {
			if (createdType != null) {
				write.set(names.created(), convert(now, createdType));
			}
		}
		else if (createdType != null) {
			keepStoredCreated(write, names.created(), createdType);
		}
		if (updatedType != null) {
			write.set(names.updated(), convert(now, updatedType));
		}
	}

	/**
	 * The names of an aggregate. Names are matched without case, '_' or '-', as Boot's
	 * binder drops '_' from map keys not written in brackets ({@code order_line} binds as
	 * {@code orderline}).
	 */
	private Names names(String aggregate) {
		Names names = this.resolved.get(aggregate);
		if (names == null) {
			names = this.resolved.computeIfAbsent(aggregate,
					(name) -> this.overrides.getOrDefault(AggregateKey.of(name), this.defaults));
		}
		return names;
	}

	/**
	 * The type of a timestamp property, checked, or {@code null} when the entity has no
	 * such property and the configuration does not require it.
	 */
	private static @Nullable Class<?> type(BeforeWriteContext write, String property, boolean required, String role) {
		Class<?> type = write.propertyType(property);
		if (type == null) {
			if (required) {
				throw new IllegalStateException("The timestamps configuration names '" + property + "' as the " + role
						+ " property of aggregate '" + write.aggregate() + "', but "
						+ write.entity().getClass().getName() + " has no such property");
			}
			return null;
		}
		if (type != Instant.class && type != OffsetDateTime.class && type != LocalDateTime.class) {
			throw new IllegalStateException("The " + role + " property '" + property + "' of "
					+ write.entity().getClass().getName() + " (aggregate '" + write.aggregate() + "') is a "
					+ type.getName() + "; timestamps supports java.time.Instant, java.time.OffsetDateTime and "
					+ "java.time.LocalDateTime");
		}
		return type;
	}

	private Object convert(Instant now, Class<?> type) {
		if (type == OffsetDateTime.class) {
			return OffsetDateTime.ofInstant(now, this.clock.getZone());
		}
		if (type == LocalDateTime.class) {
			return LocalDateTime.ofInstant(now, this.clock.getZone());
		}
		return now;
	}

	/**
	 * Put the stored created time back when the entity's is missing or different. A row
	 * stored without one (written before the column existed) keeps the entity's.
	 */
	private void keepStoredCreated(BeforeWriteContext write, String property, Class<?> type) {
		Object incoming = write.get(property);
		if (incoming != null && this.trustIncomingCreated) {
			return;
		}
		Object stored = write.previous();
		if (stored == null) {
			return;
		}
		Object created = StoredProperty.get(stored, property);
		if (created != null && !sameTime(created, incoming, type)) {
			write.set(property, created);
		}
	}

	private static boolean sameTime(Object stored, @Nullable Object incoming, Class<?> type) {
		if (incoming == null) {
			return false;
		}
		if (type == OffsetDateTime.class) {
			return ((OffsetDateTime) stored).isEqual((OffsetDateTime) incoming);
		}
		return stored.equals(incoming);
	}

	@Override
	public String toString() {
		return "TimestampsPlugin[created=" + this.defaults.created() + ", updated=" + this.defaults.updated()
				+ ", overrides=" + this.overrides.keySet() + ", clock=" + this.clock + "]";
	}

	/**
	 * The property names for one aggregate, and whether the configuration named them for
	 * it explicitly (then an entity without them is a fault, not an entity to skip).
	 */
	private record Names(String created, String updated, boolean createdRequired, boolean updatedRequired) {

	}

}
