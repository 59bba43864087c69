package dev.plugboard.autoconfigure.computed;

import org.springframework.data.repository.CrudRepository;

/**
 * Order lines, in the {@code order_line} table.
 */
public interface OrderLineRepository extends CrudRepository<OrderLine, Long> {

}
