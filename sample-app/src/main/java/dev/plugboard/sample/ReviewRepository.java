package dev.plugboard.sample;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores {@link Review reviews}; a delete through it is soft.
 */
interface ReviewRepository extends ListCrudRepository<Review, Long> {

}
