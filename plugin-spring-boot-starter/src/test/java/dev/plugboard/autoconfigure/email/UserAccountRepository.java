package dev.plugboard.autoconfigure.email;

import org.springframework.data.repository.CrudRepository;

/**
 * The user accounts.
 */
interface UserAccountRepository extends CrudRepository<UserAccount, Long> {

}
