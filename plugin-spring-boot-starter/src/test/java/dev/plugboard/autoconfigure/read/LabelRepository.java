package dev.plugboard.autoconfigure.read;

import org.springframework.data.repository.ListCrudRepository;

public interface LabelRepository extends ListCrudRepository<Label, Long> {

}
