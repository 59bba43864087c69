package dev.plugboard.autoconfigure.validation;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.sql.IdentifierProcessing;

import dev.plugboard.builtin.validation.TableMapping;

/**
 * Names tables, columns and ids for the {@code unique} rule exactly as Spring Data JDBC
 * writes them: from its mapping context ({@code @Table}, {@code @Column}, {@code @Id} and
 * the naming strategy), quoted as the database's dialect quotes them. Falls back to
 * {@link TableMapping#conventional()} when the application has no relational mapping
 * context. Both beans are looked up on first use. Other built-ins that write SQL for an
 * aggregate (soft-delete) use it too.
 *
 * @since 0.1.0
 */
public final class RelationalTableMapping implements TableMapping {

	private final BeanFactory beanFactory;

	/**
	 * Create the mapping.
	 * @param beanFactory where the mapping context and the dialect are looked up
	 */
	public RelationalTableMapping(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public String table(String aggregate, Class<?> entityType) {
		RelationalPersistentEntity<?> entity = entity(entityType);
		return (entity != null) ? entity.getQualifiedTableName().toSql(processing())
				: TableMapping.conventional().table(aggregate, entityType);
	}

	@Override
	public String column(Class<?> entityType, String property) {
		RelationalPersistentEntity<?> entity = entity(entityType);
		return (entity != null) ? entity.getRequiredPersistentProperty(property).getColumnName().toSql(processing())
				: TableMapping.conventional().column(entityType, property);
	}

	@Override
	public @Nullable String idProperty(Class<?> entityType) {
		RelationalPersistentEntity<?> entity = entity(entityType);
		if (entity == null) {
			return TableMapping.conventional().idProperty(entityType);
		}
		RelationalPersistentProperty id = entity.getIdProperty();
		return (id != null) ? id.getName() : null;
	}

	private @Nullable RelationalPersistentEntity<?> entity(Class<?> entityType) {
		RelationalMappingContext context = this.beanFactory.getBeanProvider(RelationalMappingContext.class)
			.getIfUnique();
		return (context != null) ? context.getRequiredPersistentEntity(entityType) : null;
	}

	private IdentifierProcessing processing() {
		Dialect dialect = this.beanFactory.getBeanProvider(Dialect.class).getIfUnique();
		return (dialect != null) ? dialect.getIdentifierProcessing() : IdentifierProcessing.ANSI;
	}

}
