package dev.plugboard;

import org.jspecify.annotations.Nullable;

/**
 * What every repository hook knows about the one entity it is called for: the entity, its
 * aggregate name and the request, if any. The hook arguments refine it:
 * {@link WriteContext} for writes, {@link AfterReadContext} for reads. Take it as a
 * parameter in helpers that a plugin shares between its write and read hooks, such as
 * resolving the tenant of the current request.
 *
 * <p>
 * A context belongs to one hook call on one thread; do not keep it after the hook
 * returns.
 *
 * @since 0.1.0
 */
public interface EntityContext {

	/**
	 * The entity the hook is called for.
	 * @return the entity, never {@code null}
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
	 * Whether the entity has a property of this name (a record component, a bean property
	 * or a field).
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
	 * The aggregate name used by the manifest's {@code entities} key: the table name for
	 * Spring Data JDBC and relational stores, the snake-cased class name otherwise.
	 * @return the aggregate name, such as {@code user_account}
	 */
	String aggregate();

	/**
	 * The request during which the repository is called.
	 * @return the request, or {@code null} when the call happens outside a request (a
	 * scheduled job, a message listener)
	 */
	@Nullable RequestContext request();

}
