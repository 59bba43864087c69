package dev.plugboard.runtime.data;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * The batch methods a JPA repository adds to the CRUD ones, so the interceptor can be
 * shown to treat them without JPA on the classpath.
 */
@NoRepositoryBean
interface BatchRepository<T, ID> extends ListCrudRepository<T, ID> {

	<S extends T> S saveAndFlush(S entity);

	<S extends T> List<S> saveAllAndFlush(Iterable<S> entities);

	void deleteAllInBatch(Iterable<T> entities);

	void deleteAllByIdInBatch(Iterable<ID> ids);

	void deleteAllInBatch();

}
