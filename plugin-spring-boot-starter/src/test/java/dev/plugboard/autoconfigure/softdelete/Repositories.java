package dev.plugboard.autoconfigure.softdelete;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The repositories of the soft-delete tests.
 */
final class Repositories {

	private Repositories() {
	}

	interface MemoRepository extends ListCrudRepository<Memo, Long> {

		List<Memo> findByText(String text);

	}

	interface StickerRepository extends ListCrudRepository<Sticker, Long> {

	}

}
