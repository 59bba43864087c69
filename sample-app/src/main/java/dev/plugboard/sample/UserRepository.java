package dev.plugboard.sample;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores {@link User users}; every write goes through the plugins' write hooks.
 */
interface UserRepository extends ListCrudRepository<User, Long> {

}
