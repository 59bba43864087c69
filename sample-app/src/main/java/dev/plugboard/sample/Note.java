package dev.plugboard.sample;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A team note, stored in the {@code notes} table and kept to its tenant by the
 * {@code tenant-scope} built-in: the application never sets or checks the tenant itself.
 *
 * @param id the generated id, {@code null} until saved
 * @param tenantId the tenant that owns the note, stamped by tenant-scope on insert
 * @param text what the note says
 */
@Table("notes")
public record Note(@Id @Nullable Long id, @Nullable String tenantId, String text) {

	@PersistenceCreator
	public Note {
	}

	/**
	 * A note as a client writes it.
	 * @param id the id, {@code null} for a new note
	 * @param text what the note says
	 */
	public Note(@Nullable Long id, String text) {
		this(id, null, text);
	}

}
