package dev.plugboard.autoconfigure.computed;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An order line, a record: its total is computed.
 *
 * @param id the generated id
 * @param product what is ordered
 * @param quantity how many
 * @param unitPrice the price of one
 * @param total the computed total
 */
public record OrderLine(@Id @Nullable Long id, String product, int quantity, @Nullable BigDecimal unitPrice,
		@Nullable BigDecimal total) {

}
