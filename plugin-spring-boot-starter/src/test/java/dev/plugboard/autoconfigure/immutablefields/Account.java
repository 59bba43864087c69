package dev.plugboard.autoconfigure.immutablefields;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An account whose email and owner are immutable once created.
 *
 * @param id the id, generated on insert
 * @param email the email address, immutable
 * @param ownerId the owner, immutable
 * @param name the display name, free to change
 */
public record Account(@Id @Nullable Long id, String email, Long ownerId, String name) {

}
