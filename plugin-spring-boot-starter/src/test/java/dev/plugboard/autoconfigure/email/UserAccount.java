package dev.plugboard.autoconfigure.email;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A user account, welcomed by mail when it is inserted.
 *
 * @param id the generated id
 * @param name the display name
 * @param email the address
 */
record UserAccount(@Id @Nullable Long id, String name, String email) {

}
