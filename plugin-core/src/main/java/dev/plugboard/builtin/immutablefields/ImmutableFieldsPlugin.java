package dev.plugboard.builtin.immutablefields;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.builtin.support.StoredProperty;

/**
 * Refuses an UPDATE that changes a property listed as immutable for its aggregate: the
 * write answers 400 with every changed property in the problem's {@code errors} (code
 * {@code immutable}), and the row stays as it was. INSERT and DELETE are left alone.
 *
 * <p>
 * The stored row is loaded once per UPDATE with {@link BeforeWriteContext#previous()}
 * (shared with the other plugins of the write), and only for aggregates that list
 * immutable properties. An UPDATE whose row does not exist is left to the repository.
 * Values are compared with {@code equals}, except that numbers compare by value
 * ({@code 1.0} equals {@code 1.00}), date-times with an offset by instant, and arrays by
 * content. It runs at {@link PluginOrder#VALIDATION}, after the data plugins have shaped
 * the entity. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ImmutableFieldsPlugin implements BeforeWritePlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "immutable-fields";

	private final Map<String, List<String>> fields;

	/** The fields keyed by aggregate name without case, '_' or '-'. */
	private final Map<String, List<String>> byKey;

	/**
	 * Create the plugin.
	 * @param config the immutable properties per aggregate
	 */
	public ImmutableFieldsPlugin(ImmutableFieldsConfig config) {
		this.fields = config.fields();
		Map<String, List<String>> byKey = new HashMap<>();
		this.fields.forEach((aggregate, names) -> byKey.put(AggregateKey.of(aggregate), names));
		this.byKey = Map.copyOf(byKey);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.VALIDATION;
	}

	/**
	 * The aggregates that list immutable properties, as configured.
	 * @return the aggregate names
	 */
	public Set<String> aggregates() {
		return this.fields.keySet();
	}

	/**
	 * Check an aggregate's configuration against its entity class, at startup.
	 * @param aggregate the aggregate name, as configured
	 * @param entityType the entity class
	 * @throws PluginConfigurationException when the entity has no such property
	 */
	public void verify(String aggregate, Class<?> entityType) {
		List<String> names = this.fields.getOrDefault(aggregate, List.of());
		for (int i = 0; i < names.size(); i++) {
			if (!StoredProperty.has(entityType, names.get(i))) {
				throw new PluginConfigurationException("fields." + aggregate + "[" + i + "]", entityType.getSimpleName()
						+ " has no property '" + names.get(i) + "'; name one of its properties, as written in Java.");
			}
		}
	}

	@Override
	public void beforeWrite(BeforeWriteContext write) {
		if (write.op() != WriteOp.UPDATE) {
			return;
		}
		List<String> names = this.byKey.get(AggregateKey.of(write.aggregate()));
		if (names == null) {
			return;
		}
		Object stored = write.previous();
		if (stored == null) {
			return;
		}
		List<Violation> violations = null;
		for (String name : names) {
			Object before = StoredProperty.get(stored, name);
			Object after = write.get(name);
			if (!same(before, after)) {
				if (violations == null) {
					violations = new ArrayList<>(names.size());
				}
				violations.add(new Violation(name, "immutable",
						name + " cannot change once " + write.aggregate() + " is created"));
			}
		}
		if (violations != null) {
			throw new ValidationFailed(violations);
		}
	}

	static boolean same(@Nullable Object before, @Nullable Object after) {
		if (before == after) {
			return true;
		}
		if (before == null || after == null) {
			return false;
		}
		if (before instanceof BigDecimal left && after instanceof BigDecimal right) {
			return left.compareTo(right) == 0;
		}
		if (before instanceof OffsetDateTime left && after instanceof OffsetDateTime right) {
			return left.isEqual(right);
		}
		if (before instanceof ZonedDateTime left && after instanceof ZonedDateTime right) {
			return left.isEqual(right);
		}
		if (before.getClass().isArray() && after.getClass().isArray()) {
			int length = Array.getLength(before);
			if (length != Array.getLength(after)) {
				return false;
			}
			for (int i = 0; i < length; i++) {
				if (!Objects.equals(Array.get(before, i), Array.get(after, i))) {
					return false;
				}
			}
			return true;
		}
		return before.equals(after);
	}

	@Override
	public String toString() {
		return "ImmutableFieldsPlugin[fields=" + this.fields + "]";
	}

}
