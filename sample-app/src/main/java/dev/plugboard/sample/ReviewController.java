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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates, reads and deletes product reviews under {@code /reviews}. The controller
 * deletes plainly; the {@code soft-delete} plugin keeps the row.
 */
@RestController
@RequestMapping("/reviews")
class ReviewController {

	private final ReviewRepository reviews;

	ReviewController(ReviewRepository reviews) {
		this.reviews = reviews;
	}

	@PostMapping
	ResponseEntity<Review> create(@RequestBody ReviewRequest request) {
		Review saved = this.reviews
			.save(new Review(Required.text("product", request.product()), Required.text("text", request.text())));
		return ResponseEntity.created(URI.create("/reviews/" + saved.id())).body(saved);
	}

	@GetMapping
	List<Review> list() {
		return this.reviews.findAll();
	}

	@GetMapping("/{id}")
	Review get(@PathVariable long id) {
		return this.reviews.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No review with id " + id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.reviews.deleteById(id);
	}

	/**
	 * The body of a create.
	 *
	 * @param product the product reviewed
	 * @param text what the reviewer wrote
	 */
	record ReviewRequest(@Nullable String product, @Nullable String text) {

	}

}
