package dev.plugboard.autoconfigure.immutablefields;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The repositories of the immutable-fields tests.
 */
final class Repositories {

	private Repositories() {
	}

	interface AccountRepository extends ListCrudRepository<Account, Long> {

	}

	interface NoteRepository extends ListCrudRepository<Note, Long> {

	}

}
