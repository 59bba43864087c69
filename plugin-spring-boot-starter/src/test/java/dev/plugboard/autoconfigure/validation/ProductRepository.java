package dev.plugboard.autoconfigure.validation;

import org.springframework.data.repository.CrudRepository;

/**
 * Products, in the {@code product} table.
 */
public interface ProductRepository extends CrudRepository<Product, Long> {

}
