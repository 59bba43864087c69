package dev.plugboard.autoconfigure.read;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A tenant's memo, with a secret the redactor masks and a deleted-at that hides it.
 *
 * @param id the id
 * @param tenant the tenant
 * @param title the title
 * @param secret a value readers must not see
 * @param deletedAt when it was soft-deleted, {@code null} while live
 */
public record Memo(@Id @Nullable Long id, String tenant, String title, @Nullable String secret,
		@Nullable LocalDateTime deletedAt) implements Tenanted {

	Memo redacted() {
		return new Memo(this.id, this.tenant, this.title, "***", this.deletedAt);
	}

}
