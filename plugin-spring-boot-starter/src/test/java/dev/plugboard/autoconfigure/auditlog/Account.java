package dev.plugboard.autoconfigure.auditlog;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An audited entity with a secret field.
 *
 * @param id the id, generated on insert
 * @param name the name
 * @param passwordHash a secret, masked in the audit log
 * @param balance a decimal
 */
public record Account(@Id @Nullable Long id, String name, @Nullable String passwordHash, @Nullable BigDecimal balance) {

	Account withName(String name) {
		return new Account(this.id, name, this.passwordHash, this.balance);
	}

}
