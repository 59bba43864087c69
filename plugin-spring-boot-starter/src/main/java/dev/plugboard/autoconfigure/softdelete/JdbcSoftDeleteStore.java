package dev.plugboard.autoconfigure.softdelete;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.util.ReflectionUtils;

import dev.plugboard.autoconfigure.aggregate.AggregateTypes;
import dev.plugboard.builtin.softdelete.SoftDeleteStore;
import dev.plugboard.builtin.validation.TableMapping;

/**
 * Restores and purges soft-deleted rows with plain SQL, naming tables and columns as
 * Spring Data JDBC writes them. The entity class of an aggregate comes from the
 * application's repositories, resolved on first use.
 */
final class JdbcSoftDeleteStore implements SoftDeleteStore {

	private final NamedParameterJdbcOperations jdbc;

	private final TableMapping tables;

	private final AggregateTypes types;

	private final String field;

	private final Predicate<String> covers;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	private volatile @Nullable Map<String, Class<?>> entityTypes;

	JdbcSoftDeleteStore(NamedParameterJdbcOperations jdbc, TableMapping tables, AggregateTypes types, String field,
			Predicate<String> covers) {
		this.jdbc = jdbc;
		this.tables = tables;
		this.types = types;
		this.field = field;
		this.covers = covers;
	}

	@Override
	public boolean restore(String aggregate, String id) {
		Target target = target(aggregate);
		return target != null && this.jdbc.update("UPDATE " + target.table + " SET " + target.column + " = NULL WHERE "
				+ target.idColumn + " = :id AND " + target.column + " IS NOT NULL", Map.of("id", target.id(id))) > 0;
	}

	@Override
	public boolean purge(String aggregate, String id) {
		Target target = target(aggregate);
		return target != null && this.jdbc.update("DELETE FROM " + target.table + " WHERE " + target.idColumn
				+ " = :id AND " + target.column + " IS NOT NULL", Map.of("id", target.id(id))) > 0;
	}

	private @Nullable Target target(String aggregate) {
		Target target = this.targets.get(aggregate);
		if (target != null) {
			return target;
		}
		Class<?> entityType = entityTypes().get(aggregate);
		if (entityType == null || !this.covers.test(aggregate) || !hasProperty(entityType, this.field)) {
			return null;
		}
		String idProperty = this.tables.idProperty(entityType);
		if (idProperty == null) {
			return null;
		}
		Class<?> idType = propertyType(entityType, idProperty);
		target = new Target(this.tables.table(aggregate, entityType), this.tables.column(entityType, this.field),
				this.tables.column(entityType, idProperty), (idType != null) ? idType : String.class);
		this.targets.put(aggregate, target);
		return target;
	}

	private Map<String, Class<?>> entityTypes() {
		Map<String, Class<?>> types = this.entityTypes;
		if (types == null) {
			types = this.types.resolve();
			this.entityTypes = types;
		}
		return types;
	}

	private static boolean hasProperty(Class<?> type, String property) {
		return propertyType(type, property) != null;
	}

	private static @Nullable Class<?> propertyType(Class<?> type, String property) {
		if (type.isRecord()) {
			for (var component : type.getRecordComponents()) {
				if (component.getName().equals(property)) {
					return component.getType();
				}
			}
			return null;
		}
		var descriptor = BeanUtils.getPropertyDescriptor(type, property);
		if (descriptor != null) {
			return descriptor.getPropertyType();
		}
		var field = ReflectionUtils.findField(type, property);
		return (field != null) ? field.getType() : null;
	}

	/**
	 * The SQL names of one aggregate, and its id's type.
	 */
	private record Target(String table, String column, String idColumn, Class<?> idType) {

		Object id(String id) {
			try {
				Object converted = DefaultConversionService.getSharedInstance().convert(id, this.idType);
				if (converted == null) {
					throw new IllegalArgumentException("'" + id + "' is not an id");
				}
				return converted;
			}
			catch (ConversionException ex) {
				throw new IllegalArgumentException(
						"'" + id + "' is not a valid id: the id is a " + this.idType.getSimpleName());
			}
		}

	}

}
