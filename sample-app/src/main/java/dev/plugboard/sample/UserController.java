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
 * Creates, reads, updates and deletes users under {@code /users}.
 */
@RestController
@RequestMapping("/users")
class UserController {

	private final UserRepository users;

	UserController(UserRepository users) {
		this.users = users;
	}

	@PostMapping
	ResponseEntity<User> create(@RequestBody UserRequest request) {
		User saved = this.users.save(new User(null, request.trimmedName(), request.trimmedEmail()));
		return ResponseEntity.created(URI.create("/users/" + saved.id())).body(saved);
	}

	@GetMapping
	List<User> list() {
		return this.users.findAll();
	}

	@GetMapping("/{id}")
	User get(@PathVariable long id) {
		return this.users.findById(id).orElseThrow(() -> notFound(id));
	}

	@PutMapping("/{id}")
	User update(@PathVariable long id, @RequestBody UserRequest request) {
		if (!this.users.existsById(id)) {
			throw notFound(id);
		}
		return this.users.save(new User(id, request.trimmedName(), request.trimmedEmail()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		User user = this.users.findById(id).orElseThrow(() -> notFound(id));
		this.users.delete(user);
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No user with id " + id);
	}

	/**
	 * The body of a create or update. The {@code validation} plugin checks the user
	 * before it is stored (see {@code application.yml}): a name, a well-formed email
	 * address that no other user has.
	 *
	 * @param name the display name
	 * @param email the email address
	 */
	record UserRequest(@Nullable String name, @Nullable String email) {

		String trimmedName() {
			return (this.name != null) ? this.name.trim() : "";
		}

		String trimmedEmail() {
			return (this.email != null) ? this.email.trim() : "";
		}

	}

}
