package dev.plugboard;

import org.jspecify.annotations.Nullable;

/**
 * What the write hooks share about one entity being written by a repository. Use its two
 * refinements: {@link BeforeWriteContext} and {@link AfterWriteContext}.
 *
 * <p>A context belongs to one write on one thread; do not keep it after the hook returns.
 *
 * @since 0.1.0
 */
public interface WriteContext {

	/**
	 * Whether the entity is inserted, updated or deleted.
	 * @return the operation
	 */
	WriteOp op();

	/**
	 * The entity being written.
	 * @return the entity
	 */
	Object entity();

	/**
	 * The entity as the given type, for plugins that target one entity class.
	 * @param <T> the expected type
	 * @param type the expected class
	 * @return the entity, or {@code null} when it is not an instance of {@code type}
	 */
	default <T> @Nullable T entity(Class<T> type) {
		Object entity = entity();
		return type.isInstance(entity) ? type.cast(entity) : null;
	}

	/**
	 * Whether the entity has a property of this name (a record component, a bean property or a
	 * field).
	 * @param property the property name, as in Java ({@code createdAt})
	 * @return whether it exists
	 */
	boolean has(String property);

	/**
	 * The declared type of a property of the entity.
	 * @param property the property name
	 * @return the type, or {@code null} when the entity has no such property
	 */
	@Nullable Class<?> propertyType(String property);

	/**
	 * The value of a property of the entity.
	 * @param property the property name
	 * @return the value, possibly {@code null}
	 * @throws IllegalArgumentException when the entity has no such property
	 */
	@Nullable Object get(String property);

	/**
	 * The aggregate name used by the manifest's {@code entities} key: the table name for Spring
	 * Data JDBC and relational stores, the snake-cased class name otherwise.
	 * @return the aggregate name, such as {@code user_account}
	 */
	String aggregate();

	/**
	 * The request during which the write happens.
	 * @return the request, or {@code null} when the write happens outside a request (a scheduled
	 * job, a message listener)
	 */
	@Nullable RequestContext request();

}
