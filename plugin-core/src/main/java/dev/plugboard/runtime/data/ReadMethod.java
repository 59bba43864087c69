package dev.plugboard.runtime.data;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.util.Streamable;

/**
 * How the repository interceptor shows the result of one non-write repository method to
 * the after-read hooks, decided once from the method's declared return type. Entities are
 * found by type: elements that are instances of the repository's domain type go through
 * the hooks, anything else (projections, DTOs, scalars) passes untouched.
 */
enum ReadMethod {

	/** Returns the entity: {@code null} when hidden. */
	ENTITY,

	/** Returns {@code Optional} of the entity: empty when hidden. */
	OPTIONAL,

	/**
	 * Returns {@code List}, {@code Collection} or {@code Iterable}: an {@code ArrayList}
	 * without hidden entities.
	 */
	LIST,

	/**
	 * Returns {@code Set}: a {@code LinkedHashSet} without hidden entities, in the same
	 * order.
	 */
	SET,

	/** Returns {@code Stream}: filtered lazily, as the caller consumes it. */
	STREAM,

	/** Returns {@code Streamable}: a {@code Streamable} of the filtered list. */
	STREAMABLE,

	/**
	 * Returns {@code Page}: filtered content; totals from the query, so they count hidden
	 * rows.
	 */
	PAGE,

	/** Returns {@code Slice}: filtered content; {@code hasNext} from the query. */
	SLICE,

	/**
	 * Returns {@code Window}: filtered content; each kept entity keeps its scroll
	 * position.
	 */
	WINDOW,

	/**
	 * Returns a supertype of the entity, such as {@code Object} for a dynamic projection
	 * or a fluent query: the shape is recognised from the result at each call.
	 */
	DYNAMIC,

	/**
	 * Returns entities in a shape the hooks cannot filter ({@code CompletableFuture}, an
	 * array, a map, a custom {@code Streamable} wrapper): refused while read hooks apply,
	 * so that nothing is returned unfiltered.
	 */
	UNSUPPORTED,

	/**
	 * Returns no entities (a count, a projection, {@code void}), or is a default method.
	 */
	NONE;

	/**
	 * Classify a repository method that is not a write.
	 * @param method a method of the repository interface
	 * @param repository the repository's metadata
	 * @return how the interceptor filters the method's result
	 */
	static ReadMethod of(Method method, RepositoryMetadata repository) {
		if (method.isDefault() || Modifier.isStatic(method.getModifiers())
				|| method.getDeclaringClass() == Object.class) {
			return NONE;
		}
		Class<?> domain = repository.getDomainType();
		ResolvableType type = ResolvableType.forMethodReturnType(method, repository.getRepositoryInterface());
		Class<?> raw = type.toClass();
		if (raw.isPrimitive()) {
			return NONE;
		}
		if (raw == Optional.class) {
			return container(OPTIONAL, type.getGeneric(0), domain);
		}
		if (Stream.class.isAssignableFrom(raw)) {
			return container((raw == Stream.class) ? STREAM : UNSUPPORTED, type.as(Stream.class).getGeneric(0), domain);
		}
		if (Iterable.class.isAssignableFrom(raw)) {
			return container(iterable(raw), type.as(Iterable.class).getGeneric(0), domain);
		}
		if (domain.isAssignableFrom(raw)) {
			return ENTITY;
		}
		if (raw.isAssignableFrom(domain)) {
			return DYNAMIC;
		}
		return holds(type, domain) ? UNSUPPORTED : NONE;
	}

	private static ReadMethod iterable(Class<?> raw) {
		if (Slice.class.isAssignableFrom(raw)) {
			return (raw == Page.class) ? PAGE : (raw == Slice.class) ? SLICE : UNSUPPORTED;
		}
		if (Window.class.isAssignableFrom(raw)) {
			return (raw == Window.class) ? WINDOW : UNSUPPORTED;
		}
		if (Streamable.class.isAssignableFrom(raw)) {
			return (raw == Streamable.class) ? STREAMABLE : UNSUPPORTED;
		}
		if (raw.isAssignableFrom(ArrayList.class)) {
			return LIST;
		}
		return raw.isAssignableFrom(LinkedHashSet.class) ? SET : UNSUPPORTED;
	}

	private static ReadMethod container(ReadMethod kind, ResolvableType element, Class<?> domain) {
		Class<?> type = element.toClass();
		if (type.isAssignableFrom(domain) || domain.isAssignableFrom(type)) {
			return kind;
		}
		return holds(element, domain) ? UNSUPPORTED : NONE;
	}

	private static boolean holds(ResolvableType type, Class<?> domain) {
		if (type == ResolvableType.NONE) {
			return false;
		}
		Class<?> resolved = type.resolve();
		if (resolved != null && resolved != Object.class && domain.isAssignableFrom(resolved)) {
			return true;
		}
		if (type.isArray() && holds(type.getComponentType(), domain)) {
			return true;
		}
		for (ResolvableType generic : type.getGenerics()) {
			if (holds(generic, domain)) {
				return true;
			}
		}
		return false;
	}

}
