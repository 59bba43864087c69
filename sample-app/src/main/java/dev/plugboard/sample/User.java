package dev.plugboard.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user of the shop, stored in the {@code users} table. The slug and the times are
 * filled in by the {@code slugify} and {@code timestamps} built-ins.
 *
 * @param id the generated id, {@code null} until saved
 * @param name the display name
 * @param email the email address, unique
 * @param slug the URL handle derived from the name when the user is created, unique
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
@Table("users")
public record User(@Id @Nullable Long id, String name, String email, @Nullable String slug, @Nullable Instant createdAt,
		@Nullable Instant updatedAt) {

	@PersistenceCreator
	public User {
	}

	/**
	 * A user as a client describes it: the plugins fill in the rest on save.
	 * @param id the id, {@code null} for a new user
	 * @param name the display name
	 * @param email the email address
	 */
	public User(@Nullable Long id, String name, String email) {
		this(id, name, email, null, null, null);
	}

}
