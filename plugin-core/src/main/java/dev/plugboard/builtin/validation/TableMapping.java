package dev.plugboard.builtin.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.plugboard.builtin.support.EntityType;

/**
 * How the {@code unique} rule names an entity's table, columns and id in SQL. The starter
 * maps them as Spring Data JDBC does (its mapping context and the database's dialect);
 * {@link #conventional()} serves elsewhere.
 *
 * <p>
 * Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface TableMapping {

	/**
	 * The table an aggregate's rows live in, as written in SQL.
	 * @param aggregate the aggregate name
	 * @param entityType the entity class
	 * @return the table, quoted if the database needs it
	 */
	String table(String aggregate, Class<?> entityType);

	/**
	 * The column of a property, as written in SQL.
	 * @param entityType the entity class
	 * @param property the property name
	 * @return the column, quoted if the database needs it
	 */
	String column(Class<?> entityType, String property);

	/**
	 * The entity's id property, which an update leaves out of the unique query.
	 * @param entityType the entity class
	 * @return the property name, or {@code null} when the entity has none
	 */
	@Nullable String idProperty(Class<?> entityType);

	/**
	 * Names by convention: the aggregate name is the table, a property's column is its
	 * snake-cased name ({@code unitPrice} is {@code unit_price}), and the id is the
	 * property annotated {@code @Id} (any annotation of that simple name), or else the
	 * one called {@code id}.
	 * @return the mapping
	 */
	static TableMapping conventional() {
		return Conventional.INSTANCE;
	}

	/**
	 * The mapping of {@link TableMapping#conventional()}.
	 */
	final class Conventional implements TableMapping {

		private static final TableMapping INSTANCE = new Conventional();

		private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

		private Conventional() {
		}

		@Override
		public String table(String aggregate, Class<?> entityType) {
			if (!IDENTIFIER.matcher(aggregate).matches()) {
				throw new IllegalArgumentException("Aggregate name '" + aggregate + "' is not a plain SQL table name");
			}
			return aggregate;
		}

		@Override
		public String column(Class<?> entityType, String property) {
			StringBuilder column = new StringBuilder(property.length() + 4);
			for (int i = 0; i < property.length(); i++) {
				char c = property.charAt(i);
				if (Character.isUpperCase(c)) {
					if (i > 0) {
						column.append('_');
					}
					column.append(Character.toLowerCase(c));
				}
				else {
					column.append(c);
				}
			}
			return column.toString();
		}

		@Override
		public @Nullable String idProperty(Class<?> entityType) {
			if (entityType.isRecord()) {
				for (RecordComponent component : entityType.getRecordComponents()) {
					if (isId(component.getAnnotations()) || isId(field(entityType, component.getName()))) {
						return component.getName();
					}
				}
			}
			else {
				for (Class<?> type = entityType; type != null && type != Object.class; type = type.getSuperclass()) {
					for (Field field : type.getDeclaredFields()) {
						if (isId(field.getAnnotations())) {
							return field.getName();
						}
					}
				}
			}
			return (EntityType.of(entityType).has("id")) ? "id" : null;
		}

		private static Annotation[] field(Class<?> type, String name) {
			try {
				return type.getDeclaredField(name).getAnnotations();
			}
			catch (NoSuchFieldException ex) {
				return new Annotation[0];
			}
		}

		private static boolean isId(Annotation[] annotations) {
			for (Annotation annotation : annotations) {
				if (annotation.annotationType().getSimpleName().equals("Id")) {
					return true;
				}
			}
			return false;
		}

	}

}
