package dev.plugboard.autoconfigure.timestamps;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The repositories of the timestamps tests.
 */
final class Repositories {

	private Repositories() {
	}

	interface PostRepository extends ListCrudRepository<Post, Long> {

	}

	interface InvoiceRepository extends ListCrudRepository<Invoice, Long> {

	}

	interface VisitRepository extends ListCrudRepository<Visit, Long> {

	}

	interface LegacyRepository extends ListCrudRepository<Legacy, Long> {

	}

	interface TagRepository extends ListCrudRepository<Tag, Long> {

	}

}
