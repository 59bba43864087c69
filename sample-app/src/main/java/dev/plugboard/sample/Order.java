package dev.plugboard.sample;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order placed by a user, stored in the {@code orders} table.
 *
 * @param id the generated id, {@code null} until saved
 * @param userId the id of the user who placed it
 * @param product what was ordered
 * @param quantity how many
 */
@Table("orders")
public record Order(@Id @Nullable Long id, Long userId, String product, int quantity) {

	Order withId(Long id) {
		return new Order(id, this.userId, this.product, this.quantity);
	}

}
