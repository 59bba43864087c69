package dev.plugboard.builtin.slugify;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * The column that holds an aggregate's slugs, found once in the database's metadata so
 * that the query names it as the database stores it (H2 folds unquoted names to upper
 * case, PostgreSQL to lower case, and Spring Data JDBC quotes the names it writes), and
 * the queries that read the slugs taken.
 */
final class SlugColumn {

	private static final String COLUMN_ANNOTATION = "org.springframework.data.relational.core.mapping.Column";

	private final String description;

	private final String exactOrSuffixed;

	private final String prefixed;

	private SlugColumn(String table, String column) {
		this.description = table + "." + column;
		// Two branches rather than "= ? OR LIKE ?": with OR, H2 scans the whole table
		// instead of using the slug's unique index for each condition.
		this.exactOrSuffixed = "SELECT " + column + " FROM " + table + " WHERE " + column + " = ? UNION ALL SELECT "
				+ column + " FROM " + table + " WHERE " + column + " LIKE ?";
		this.prefixed = "SELECT " + column + " FROM " + table + " WHERE " + column + " LIKE ?";
	}

	/**
	 * Find the column of a slug property.
	 * @param jdbc the database
	 * @param aggregate the aggregate name, for messages
	 * @param entityType the entity class, whose {@code @Column} names the column
	 * @param source the slug's configuration
	 * @return the column
	 * @throws IllegalStateException when the database has no such table or column
	 */
	static SlugColumn resolve(JdbcOperations jdbc, String aggregate, Class<?> entityType, SlugifyConfig.Source source) {
		String table = (source.table() != null) ? source.table() : aggregate;
		String column = (source.column() != null) ? source.column() : columnName(entityType, source.to());
		SlugColumn resolved = jdbc
			.execute((ConnectionCallback<@Nullable SlugColumn>) (connection) -> find(connection, table, column));
		if (resolved == null) {
			throw new IllegalStateException("slugify: found no column '" + column + "' in a table '" + table
					+ "' for the slugs of aggregate '" + aggregate + "' (property '" + source.to() + "' of "
					+ entityType.getName() + "); set 'sources." + aggregate + ".column' (and '.table') to where the "
					+ "slug is stored");
		}
		return resolved;
	}

	/**
	 * The column Spring Data JDBC maps a property to: its {@code @Column} name, or its
	 * snake-cased name.
	 */
	static String columnName(Class<?> entityType, String property) {
		Field field = ReflectionUtils.findField(entityType, property);
		if (field != null) {
			MergedAnnotation<?> column = MergedAnnotations.from(field).get(COLUMN_ANNOTATION);
			if (column.isPresent() && StringUtils.hasText(column.getString("value"))) {
				return column.getString("value");
			}
		}
		return snakeCase(property);
	}

	static String snakeCase(String property) {
		StringBuilder snake = new StringBuilder(property.length() + 4);
		for (int i = 0; i < property.length(); i++) {
			char c = property.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					snake.append('_');
				}
				snake.append(Character.toLowerCase(c));
			}
			else {
				snake.append(c);
			}
		}
		return snake.toString();
	}

	/**
	 * Look the table up in the connection's current schema first, then in any schema when
	 * exactly one has it; each name as written, then folded to upper and to lower case.
	 */
	private static @Nullable SlugColumn find(Connection connection, String table, String column) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		String quote = metadata.getIdentifierQuoteString().trim();
		String schema = connection.getSchema();
		List<String[]> found = columns(metadata, connection.getCatalog(), schema, table, column);
		boolean qualify = false;
		if (found.isEmpty() && schema != null) {
			found = columns(metadata, connection.getCatalog(), null, table, column);
			qualify = true;
		}
		if (found.size() != 1) {
			return null;
		}
		String[] match = found.get(0);
		String qualifiedTable = (qualify && match[0] != null) ? quote(match[0], quote) + "." + quote(match[1], quote)
				: quote(match[1], quote);
		return new SlugColumn(qualifiedTable, quote(match[2], quote));
	}

	/**
	 * The (schema, table, column) triples whose names match, for the first spelling of
	 * the table that exists.
	 */
	private static List<String[]> columns(DatabaseMetaData metadata, @Nullable String catalog, @Nullable String schema,
			String table, String column) throws SQLException {
		String escape = metadata.getSearchStringEscape();
		for (String tableName : spellings(table)) {
			List<String[]> tableColumns = new ArrayList<>();
			try (ResultSet rows = metadata.getColumns(catalog, (schema != null) ? escape(schema, escape) : null,
					escape(tableName, escape), null)) {
				while (rows.next()) {
					if (tableName.equals(rows.getString("TABLE_NAME"))) {
						tableColumns.add(new String[] { rows.getString("TABLE_SCHEM"), tableName,
								rows.getString("COLUMN_NAME") });
					}
				}
			}
			if (!tableColumns.isEmpty()) {
				return matching(tableColumns, column);
			}
		}
		return List.of();
	}

	private static List<String[]> matching(List<String[]> tableColumns, String column) {
		for (String columnName : spellings(column)) {
			List<String[]> matches = new ArrayList<>();
			Set<String> schemas = new HashSet<>();
			for (String[] candidate : tableColumns) {
				if (columnName.equals(candidate[2]) && schemas.add(String.valueOf(candidate[0]))) {
					matches.add(candidate);
				}
			}
			if (!matches.isEmpty()) {
				return matches;
			}
		}
		return List.of();
	}

	private static Set<String> spellings(String name) {
		Set<String> spellings = new LinkedHashSet<>();
		spellings.add(name);
		spellings.add(name.toUpperCase(Locale.ROOT));
		spellings.add(name.toLowerCase(Locale.ROOT));
		return spellings;
	}

	private static String escape(String name, @Nullable String escape) {
		if (!StringUtils.hasLength(escape)) {
			return name;
		}
		return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

	private static String quote(String identifier, String quote) {
		if (quote.isEmpty()) {
			return identifier;
		}
		return quote + identifier.replace(quote, quote + quote) + quote;
	}

	/**
	 * The slugs taken that a new slug of this base could collide with: the base itself
	 * and every suffixed form, read in one query.
	 * @param jdbc the database
	 * @param base the slug without a suffix
	 * @param stem the shortest prefix every suffixed form starts with: the base when
	 * suffixes fit after it, else the base cut to leave room for the longest suffix
	 * @return the slugs taken
	 */
	Set<String> taken(JdbcOperations jdbc, String base, String stem) {
		List<String> slugs = base.equals(stem)
				? jdbc.queryForList(this.exactOrSuffixed, String.class, base, base + "-%")
				: jdbc.queryForList(this.prefixed, String.class, stem + "%");
		return new HashSet<>(slugs);
	}

	@Override
	public String toString() {
		return this.description;
	}

}
