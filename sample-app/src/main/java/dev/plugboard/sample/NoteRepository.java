package dev.plugboard.sample;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores {@link Note notes}; every finder answers only the current tenant's rows.
 */
interface NoteRepository extends ListCrudRepository<Note, Long> {

}
