package dev.plugboard.runtime.data;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.DefaultRepositoryMetadata;
import org.springframework.data.util.Streamable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each return shape of a repository method, classified once for the after-read hooks.
 */
class ReadMethodTests {

	private final RepositoryMetadata repository = new DefaultRepositoryMetadata(Shapes.class);

	@Test
	void inheritedCrudFindersAreResolvedToTheDomainType() {
		assertThat(kind("findById", Object.class)).isEqualTo(ReadMethod.OPTIONAL);
		assertThat(kind("findAll")).isEqualTo(ReadMethod.LIST);
		assertThat(kind("findAllById", Iterable.class)).isEqualTo(ReadMethod.LIST);
	}

	@Test
	void entityAndItsContainersAreFiltered() {
		assertThat(kind("one")).isEqualTo(ReadMethod.ENTITY);
		assertThat(kind("optional")).isEqualTo(ReadMethod.OPTIONAL);
		assertThat(kind("list")).isEqualTo(ReadMethod.LIST);
		assertThat(kind("collection")).isEqualTo(ReadMethod.LIST);
		assertThat(kind("set")).isEqualTo(ReadMethod.SET);
		assertThat(kind("stream")).isEqualTo(ReadMethod.STREAM);
		assertThat(kind("streamable")).isEqualTo(ReadMethod.STREAMABLE);
		assertThat(kind("page", Pageable.class)).isEqualTo(ReadMethod.PAGE);
		assertThat(kind("slice", Pageable.class)).isEqualTo(ReadMethod.SLICE);
		assertThat(kind("window", ScrollPosition.class)).isEqualTo(ReadMethod.WINDOW);
	}

	@Test
	void supertypesOfTheEntityAreRecognisedAtEachCall() {
		assertThat(kind("dynamic", Class.class)).isEqualTo(ReadMethod.DYNAMIC);
		assertThat(kind("anything")).isEqualTo(ReadMethod.DYNAMIC);
		assertThat(kind("dynamicList", Class.class)).isEqualTo(ReadMethod.LIST);
	}

	@Test
	void projectionsCountsAndScalarsAreNotReads() {
		assertThat(kind("count")).isEqualTo(ReadMethod.NONE);
		assertThat(kind("existsById", Object.class)).isEqualTo(ReadMethod.NONE);
		assertThat(kind("titles")).isEqualTo(ReadMethod.NONE);
		assertThat(kind("projections")).isEqualTo(ReadMethod.NONE);
		assertThat(kind("projection")).isEqualTo(ReadMethod.NONE);
		assertThat(kind("touch")).isEqualTo(ReadMethod.NONE);
		assertThat(kind("byTitle", String.class)).isEqualTo(ReadMethod.NONE);
	}

	@Test
	void entitiesInShapesThatCannotBeFilteredAreUnsupported() {
		assertThat(kind("future")).isEqualTo(ReadMethod.UNSUPPORTED);
		assertThat(kind("array")).isEqualTo(ReadMethod.UNSUPPORTED);
		assertThat(kind("map")).isEqualTo(ReadMethod.UNSUPPORTED);
		assertThat(kind("sorted")).isEqualTo(ReadMethod.UNSUPPORTED);
		assertThat(kind("wrapper")).isEqualTo(ReadMethod.UNSUPPORTED);
	}

	private ReadMethod kind(String name, Class<?>... parameters) {
		try {
			return ReadMethod.of(Shapes.class.getMethod(name, parameters), this.repository);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface Shapes extends CrudRepository<Ticket, Long> {

		Ticket one();

		Optional<Ticket> optional();

		List<Ticket> list();

		Collection<Ticket> collection();

		Set<Ticket> set();

		Stream<Ticket> stream();

		Streamable<Ticket> streamable();

		Page<Ticket> page(Pageable pageable);

		Slice<Ticket> slice(Pageable pageable);

		Window<Ticket> window(ScrollPosition position);

		<T> T dynamic(Class<T> type);

		Object anything();

		<T> List<T> dynamicList(Class<T> type);

		List<String> titles();

		List<Title> projections();

		Optional<Title> projection();

		void touch();

		default Optional<Ticket> byTitle(String title) {
			return optional();
		}

		CompletableFuture<List<Ticket>> future();

		Ticket[] array();

		Map<Long, Ticket> map();

		SortedSet<Ticket> sorted();

		Tickets wrapper();

	}

	interface Title {

		String getTitle();

	}

	interface Tickets extends Streamable<Ticket> {

	}

}
