package dev.plugboard.autoconfigure.tenantscope;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

/**
 * The repositories of the tenant-scope tests.
 */
final class Repositories {

	private Repositories() {
	}

	interface ProjectRepository extends ListCrudRepository<Project, Long>, PagingAndSortingRepository<Project, Long> {

		List<Project> findByName(String name);

		Page<Project> findByNameStartingWith(String prefix, Pageable pageable);

	}

	interface LabelRepository extends ListCrudRepository<Label, Long> {

	}

}
