package dev.plugboard.builtin.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Runs the queries of the {@code unique} rule: whether another row of the aggregate's
 * table holds a value in a column, leaving out, on an update, the row being updated. Hand
 * one to {@link ValidationPlugin} when the manifest uses {@code unique}. The queries run
 * on the write's connection, inside its transaction.
 *
 * <p>
 * The check and the write are two statements: two transactions writing the same value at
 * once can both pass it. Keep a unique constraint on the column for that race; the rule
 * gives the common case a clear 400.
 *
 * @since 0.1.0
 */
public final class UniqueQueries {

	private final JdbcOperations jdbc;

	private final TableMapping tables;

	private final Map<String, Statement> statements = new ConcurrentHashMap<>();

	/**
	 * Create the queries.
	 * @param jdbc the JDBC operations on the application's data source
	 * @param tables how tables, columns and ids are named
	 */
	public UniqueQueries(JdbcOperations jdbc, TableMapping tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	TableMapping tables() {
		return this.tables;
	}

	/**
	 * Whether another row holds a value.
	 * @param aggregate the aggregate name
	 * @param entityType the entity class
	 * @param property the property
	 * @param column the column, or {@code null} for the property's own
	 * @param value the value
	 * @param excludedId the id of the row being updated, or {@code null} on an insert
	 * @return whether the value is taken
	 */
	boolean taken(String aggregate, Class<?> entityType, String property, @Nullable String column, Object value,
			@Nullable Object excludedId) {
		Statement statement = this.statements.computeIfAbsent(
				aggregate + '\u0000' + entityType.getName() + '\u0000' + property + '\u0000' + column,
				(key) -> statement(aggregate, entityType, property, column));
		Object parameter = (value instanceof Enum<?> constant) ? constant.name() : value;
		Long count = (excludedId != null && statement.excluding != null)
				? this.jdbc.queryForObject(statement.excluding, Long.class, parameter, excludedId)
				: this.jdbc.queryForObject(statement.all, Long.class, parameter);
		return count != null && count > 0;
	}

	private Statement statement(String aggregate, Class<?> entityType, String property, @Nullable String column) {
		String select = "SELECT COUNT(*) FROM " + this.tables.table(aggregate, entityType) + " WHERE "
				+ ((column != null) ? column : this.tables.column(entityType, property)) + " = ?";
		String id = this.tables.idProperty(entityType);
		return new Statement(select,
				(id != null) ? select + " AND " + this.tables.column(entityType, id) + " <> ?" : null);
	}

	private record Statement(String all, @Nullable String excluding) {
	}

}
