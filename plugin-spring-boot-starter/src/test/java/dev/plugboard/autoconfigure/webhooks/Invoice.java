package dev.plugboard.autoconfigure.webhooks;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An invoice, whose writes are posted as webhooks.
 *
 * @param id the id, generated on insert
 * @param customer who is billed
 * @param total the amount
 */
public record Invoice(@Id @Nullable Long id, String customer, BigDecimal total) {

}
