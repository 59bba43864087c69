package dev.plugboard.runtime.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Window;
import org.springframework.data.util.Streamable;

import dev.plugboard.RequestContext;
import dev.plugboard.runtime.PluginRuntime;

/**
 * Shows the entities of one read's result to the after-read hooks and returns the result
 * without the hidden ones and with the replacements, in the shape the method declares. A
 * result in which every entity was kept unchanged is returned as is. One filter serves
 * one call.
 */
final class ReadFilter {

	private static final Object HIDDEN = new Object();

	private static final int[] NO_POSITIONS = {};

	private final PluginRuntime runtime;

	private final String aggregate;

	private final Class<?> domain;

	private final @Nullable RequestContext request;

	ReadFilter(PluginRuntime runtime, String aggregate, Class<?> domain, @Nullable RequestContext request) {
		this.runtime = runtime;
		this.aggregate = aggregate;
		this.domain = domain;
		this.request = request;
	}

	/**
	 * Filter a result.
	 * @param kind how the method returns entities
	 * @param result what the repository returned
	 * @return the filtered result
	 */
	@Nullable Object apply(ReadMethod kind, @Nullable Object result) {
		if (result == null) {
			return null;
		}
		return switch (kind) {
			case ENTITY -> one(result);
			case OPTIONAL -> optional((Optional<?>) result);
			case LIST -> list((Iterable<?>) result);
			case SET -> set((Iterable<?>) result);
			case STREAM -> stream((Stream<?>) result);
			case STREAMABLE -> streamable((Streamable<?>) result);
			case PAGE -> page((Page<?>) result);
			case SLICE -> slice((Slice<?>) result);
			case WINDOW -> window((Window<?>) result);
			case DYNAMIC -> dynamic(result);
			default -> result;
		};
	}

	/**
	 * Run the hooks on one value, if it is an entity.
	 * @param value the value
	 * @return the value, its replacement, or {@code null} when hidden
	 */
	private @Nullable Object one(Object value) {
		return this.domain.isInstance(value) ? this.runtime.afterRead(value, this.aggregate, this.request) : value;
	}

	private @Nullable Object dynamic(Object result) {
		if (this.domain.isInstance(result)) {
			return one(result);
		}
		if (result instanceof Optional<?> optional) {
			return optional(optional);
		}
		if (result instanceof Page<?> page) {
			return page(page);
		}
		if (result instanceof Slice<?> slice) {
			return slice(slice);
		}
		if (result instanceof Window<?> window) {
			return window(window);
		}
		if (result instanceof Stream<?> stream) {
			return stream(stream);
		}
		if (result instanceof Set<?> set) {
			return set(set);
		}
		if (result instanceof Collection<?> collection) {
			return list(collection);
		}
		if (result instanceof Streamable<?> streamable) {
			return streamable(streamable);
		}
		return result;
	}

	private Optional<?> optional(Optional<?> optional) {
		if (optional.isEmpty()) {
			return optional;
		}
		Object entity = optional.get();
		Object kept = one(entity);
		return (kept == entity) ? optional : Optional.ofNullable(kept);
	}

	private Iterable<?> list(Iterable<?> items) {
		Filtered filtered = filter(items);
		return filtered.changed ? filtered.items : items;
	}

	private Iterable<?> set(Iterable<?> items) {
		Filtered filtered = filter(items);
		return filtered.changed ? new LinkedHashSet<>(filtered.items) : items;
	}

	private Streamable<?> streamable(Streamable<?> items) {
		Filtered filtered = filter(items);
		return filtered.changed ? Streamable.of(filtered.items) : items;
	}

	@SuppressWarnings("unchecked")
	private Stream<?> stream(Stream<?> stream) {
		return ((Stream<Object>) stream).map((item) -> {
			if (item == null) {
				return null;
			}
			Object kept = one(item);
			return (kept != null) ? kept : HIDDEN;
		}).filter((item) -> item != HIDDEN);
	}

	private Page<?> page(Page<?> page) {
		Filtered filtered = filter(page.getContent());
		return filtered.changed ? new QueryTotalPage<>(filtered.items, page) : page;
	}

	private Slice<?> slice(Slice<?> slice) {
		Filtered filtered = filter(slice.getContent());
		return filtered.changed ? new SliceImpl<>(filtered.items, slice.getPageable(), slice.hasNext()) : slice;
	}

	private Window<?> window(Window<?> window) {
		Filtered filtered = filter(window.getContent(), true);
		if (!filtered.changed) {
			return window;
		}
		int[] positions = filtered.positions;
		return Window.from(filtered.items, (index) -> window.positionAt(positions[index]), window.hasNext());
	}

	private Filtered filter(Iterable<?> items) {
		return filter(items, false);
	}

	private Filtered filter(Iterable<?> items, boolean withPositions) {
		int size = (items instanceof Collection<?> collection) ? collection.size() : 10;
		List<Object> kept = new ArrayList<>(size);
		int[] positions = withPositions ? new int[size] : NO_POSITIONS;
		boolean changed = false;
		int index = 0;
		for (Object item : items) {
			Object after = (item != null) ? one(item) : null;
			if (item != null && after == null) {
				changed = true;
			}
			else {
				changed |= (after != item);
				if (withPositions) {
					positions[kept.size()] = index;
				}
				kept.add(after);
			}
			index++;
		}
		return new Filtered(kept, changed, positions);
	}

	/**
	 * The kept entities of a result, whether any was hidden or replaced, and the position
	 * each kept one had in the result.
	 */
	private record Filtered(List<Object> items, boolean changed, int[] positions) {
	}

	/**
	 * A page whose content was filtered after the query, and whose totals are still the
	 * query's: {@link PageImpl} would recompute the total of a last page from its
	 * filtered content.
	 *
	 * @param <T> the content type
	 */
	static final class QueryTotalPage<T> extends PageImpl<T> {

		private static final long serialVersionUID = 1L;

		private final long totalElements;

		private final int totalPages;

		private final boolean hasNext;

		@SuppressWarnings("unchecked")
		QueryTotalPage(List<?> content, Page<?> query) {
			this((List<T>) content, query.getPageable(), query.getTotalElements(), query.getTotalPages(),
					query.hasNext());
		}

		private QueryTotalPage(List<T> content, Pageable pageable, long totalElements, int totalPages,
				boolean hasNext) {
			super(content, pageable, totalElements);
			this.totalElements = totalElements;
			this.totalPages = totalPages;
			this.hasNext = hasNext;
		}

		@Override
		public long getTotalElements() {
			return this.totalElements;
		}

		@Override
		public int getTotalPages() {
			return this.totalPages;
		}

		@Override
		public boolean hasNext() {
			return this.hasNext;
		}

		@Override
		public boolean isLast() {
			return !this.hasNext;
		}

		@Override
		public <U> Page<U> map(Function<? super T, ? extends U> converter) {
			return new QueryTotalPage<>(getConvertedContent(converter), getPageable(), this.totalElements,
					this.totalPages, this.hasNext);
		}

		@Override
		public boolean equals(@Nullable Object obj) {
			return (obj instanceof QueryTotalPage<?> other) && this.totalElements == other.totalElements
					&& super.equals(obj);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

	}

}
