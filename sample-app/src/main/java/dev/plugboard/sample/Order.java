package dev.plugboard.sample;

import java.math.BigDecimal;

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
 * @param unitPrice the price of one, if known
 * @param total the price of all, computed by the {@code computed} plugin from
 * {@code quantity} and {@code unitPrice}
 */
@Table("orders")
public record Order(@Id @Nullable Long id, Long userId, String product, int quantity, @Nullable BigDecimal unitPrice,
		@Nullable BigDecimal total) {

	Order withId(Long id) {
		return new Order(id, this.userId, this.product, this.quantity, this.unitPrice, this.total);
	}

}
