package dev.plugboard.runtime.data;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.util.ParsingUtils;

/**
 * Names the aggregate of a repository's entities, the name a plugin's manifest
 * {@code entities} key matches. Implement it only to change the default naming: the table
 * name for relational stores, the snake-cased simple class name otherwise.
 *
 * <p>
 * Called once per domain type; implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AggregateNames {

	/**
	 * The aggregate name of the entities a repository manages.
	 * @param entity the repository's entity information, as Spring Data built it
	 * @return the aggregate name, such as {@code user_account}
	 */
	String aggregateName(EntityInformation<?, ?> entity);

	/**
	 * Names every aggregate after its class: {@code UserAccount} is {@code user_account}.
	 * @return the naming
	 */
	static AggregateNames simpleClassName() {
		return (entity) -> snakeCase(entity.getJavaType());
	}

	/**
	 * The snake-cased simple name of a class, as Spring Data's default naming strategy
	 * spells a table: {@code UserAccount} is {@code user_account}.
	 * @param type the class
	 * @return the name
	 */
	static String snakeCase(Class<?> type) {
		return ParsingUtils.reconcatenateCamelCase(type.getSimpleName(), "_");
	}

}
