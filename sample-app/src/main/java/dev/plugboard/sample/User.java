package dev.plugboard.sample;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user of the shop, stored in the {@code users} table.
 *
 * @param id the generated id, {@code null} until saved
 * @param name the display name
 * @param email the email address, unique
 */
@Table("users")
public record User(@Id @Nullable Long id, String name, String email) {

	User withId(Long id) {
		return new User(id, this.name, this.email);
	}

}
