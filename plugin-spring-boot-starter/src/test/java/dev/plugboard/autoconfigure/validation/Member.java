package dev.plugboard.autoconfigure.validation;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A member, a record validated by rules from the manifest.
 *
 * @param id the generated id
 * @param name the display name
 * @param email the email address, unique
 * @param status active or blocked
 * @param age the age in years
 */
public record Member(@Id @Nullable Long id, @Nullable String name, @Nullable String email, @Nullable String status,
		@Nullable Integer age) {

}
