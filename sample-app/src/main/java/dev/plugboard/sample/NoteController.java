package dev.plugboard.sample;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Team notes under {@code /notes}, written without a thought for tenants: the
 * {@code tenant-scope} plugin stamps, checks and filters them by the {@code X-Tenant-Id}
 * header.
 */
@RestController
@RequestMapping("/notes")
class NoteController {

	private final NoteRepository notes;

	NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@PostMapping
	ResponseEntity<Note> create(@RequestBody NoteRequest request) {
		Note saved = this.notes.save(new Note(null, Required.text("text", request.text())));
		return ResponseEntity.created(URI.create("/notes/" + saved.id())).body(saved);
	}

	@GetMapping
	List<Note> list() {
		return this.notes.findAll();
	}

	@GetMapping("/{id}")
	Note get(@PathVariable long id) {
		return this.notes.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No note with id " + id));
	}

	@PutMapping("/{id}")
	Note update(@PathVariable long id, @RequestBody NoteRequest request) {
		return this.notes.save(new Note(id, Required.text("text", request.text())));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.notes.delete(get(id));
	}

	/**
	 * The body of a create or update.
	 *
	 * @param text what the note says
	 */
	record NoteRequest(@Nullable String text) {
	}

}
