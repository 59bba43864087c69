package dev.plugboard.sample;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores {@link Order orders}; every write goes through the plugins' write hooks.
 */
interface OrderRepository extends ListCrudRepository<Order, Long> {

	List<Order> findByUserId(Long userId);

}
