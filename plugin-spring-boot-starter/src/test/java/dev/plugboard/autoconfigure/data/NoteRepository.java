package dev.plugboard.autoconfigure.data;

import org.springframework.data.repository.ListCrudRepository;

public interface NoteRepository extends ListCrudRepository<Note, Long> {

}
