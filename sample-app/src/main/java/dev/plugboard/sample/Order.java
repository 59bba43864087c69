package dev.plugboard.sample;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order placed by a user, stored in the {@code orders} table. The times are filled in
 * by the {@code timestamps} built-in.
 *
 * @param id the generated id, {@code null} until saved
 * @param userId the id of the user who placed it
 * @param product what was ordered
 * @param quantity how many
 * @param unitPrice the price of one, if known
 * @param total the price of all, computed by the {@code computed} plugin from
 * {@code quantity} and {@code unitPrice}
 * @param createdAt when the order was placed
 * @param updatedAt when the order was last changed
 */
@Table("orders")
public record Order(@Id @Nullable Long id, Long userId, String product, int quantity, @Nullable BigDecimal unitPrice,
		@Nullable BigDecimal total, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

	@PersistenceCreator
	public Order {
	}

	/**
	 * An order as a client describes it: the plugins fill in the rest on save.
	 * @param id the id, {@code null} for a new order
	 * @param userId the id of the user placing it
	 * @param product what is ordered
	 * @param quantity how many
	 */
	public Order(@Nullable Long id, Long userId, String product, int quantity) {
		this(id, userId, product, quantity, null, null, null, null);
	}

	/**
	 * An order with a price, as a client describes it.
	 * @param id the id, {@code null} for a new order
	 * @param userId the id of the user placing it
	 * @param product what is ordered
	 * @param quantity how many
	 * @param unitPrice the price of one
	 * @param total the price of all, as the client believes it (the plugin recomputes it)
	 */
	public Order(@Nullable Long id, Long userId, String product, int quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal total) {
		this(id, userId, product, quantity, unitPrice, total, null, null);
	}

	Order withId(Long id) {
		return new Order(id, this.userId, this.product, this.quantity, this.unitPrice, this.total, this.createdAt,
				this.updatedAt);
	}

}
