package dev.plugboard.autoconfigure.read;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.query.QueryByExampleExecutor;

/**
 * Every return shape a finder can have, and the reads that return no entities.
 */
public interface MemoRepository extends ListCrudRepository<Memo, Long>, ListPagingAndSortingRepository<Memo, Long>,
		QueryByExampleExecutor<Memo> {

	List<Memo> findByTitleStartingWith(String prefix);

	Optional<Memo> findFirstByTitle(String title);

	@Nullable Memo findOneByTitle(String title);

	Set<Memo> findSetByTitleStartingWith(String prefix);

	Collection<Memo> findByTitleIn(Collection<String> titles);

	Iterable<Memo> findIterableByTitleStartingWith(String prefix);

	Stream<Memo> streamByTitleStartingWith(String prefix);

	Page<Memo> findPageByTitleStartingWith(String prefix, Pageable pageable);

	Slice<Memo> findSliceByTitleStartingWith(String prefix, Pageable pageable);

	@Query("SELECT * FROM memo WHERE title LIKE :pattern")
	List<Memo> selectByTitleLike(String pattern);

	@Query("SELECT * FROM memo WHERE title = :title")
	@Nullable Memo selectOneByTitle(String title);

	List<MemoTitle> findProjectedByTitleStartingWith(String prefix);

	<T> List<T> findDynamicByTitleStartingWith(String prefix, Class<T> type);

	long countByTitleStartingWith(String prefix);

	boolean existsByTitle(String title);

	@Query("SELECT COUNT(*) FROM memo")
	long countWithQuery();

	@Query("SELECT title FROM memo ORDER BY id")
	List<String> selectTitles();

}
