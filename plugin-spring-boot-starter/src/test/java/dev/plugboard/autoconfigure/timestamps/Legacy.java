package dev.plugboard.autoconfigure.timestamps;

import java.util.Date;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A record entity whose created property is a {@link Date}, which timestamps does not
 * support.
 *
 * @param id the id, generated on insert
 * @param name the name
 * @param createdAt when it was inserted
 */
public record Legacy(@Id @Nullable Long id, String name, @Nullable Date createdAt) {

}
