package dev.plugboard.autoconfigure.validation;

import org.springframework.data.repository.CrudRepository;

/**
 * Members, in the {@code member} table.
 */
public interface MemberRepository extends CrudRepository<Member, Long> {

}
