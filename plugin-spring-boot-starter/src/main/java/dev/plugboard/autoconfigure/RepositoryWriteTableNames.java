package dev.plugboard.autoconfigure;

import org.springframework.data.relational.repository.query.RelationalEntityInformation;
import org.springframework.data.repository.core.EntityInformation;

import dev.plugboard.runtime.data.AggregateNames;

/**
 * Names the aggregates of relational stores (Spring Data JDBC, R2DBC) after their table,
 * as the mapping context resolves it ({@code @Table} or the naming strategy), and the
 * others after their class. Used only when spring-data-relational is on the classpath.
 */
final class RepositoryWriteTableNames implements AggregateNames {

	@Override
	public String aggregateName(EntityInformation<?, ?> entity) {
		if (entity instanceof RelationalEntityInformation<?, ?> relational) {
			return relational.getTableName().getReference();
		}
		return AggregateNames.snakeCase(entity.getJavaType());
	}

}
