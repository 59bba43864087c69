package dev.plugboard.sample;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates, reads, updates and deletes orders under {@code /orders}.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	private final OrderRepository orders;

	private final UserRepository users;

	OrderController(OrderRepository orders, UserRepository users) {
		this.orders = orders;
		this.users = users;
	}

	@PostMapping
	ResponseEntity<Order> create(@RequestBody OrderRequest request) {
		Order saved = this.orders.save(request.toOrder(null, this.users));
		return ResponseEntity.created(URI.create("/orders/" + saved.id())).body(saved);
	}

	@GetMapping
	List<Order> list(@RequestParam(required = false) @Nullable Long userId) {
		return (userId != null) ? this.orders.findByUserId(userId) : this.orders.findAll();
	}

	@GetMapping("/{id}")
	Order get(@PathVariable long id) {
		return this.orders.findById(id).orElseThrow(() -> notFound(id));
	}

	@PutMapping("/{id}")
	Order update(@PathVariable long id, @RequestBody OrderRequest request) {
		if (!this.orders.existsById(id)) {
			throw notFound(id);
		}
		return this.orders.save(request.toOrder(id, this.users));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		Order order = this.orders.findById(id).orElseThrow(() -> notFound(id));
		this.orders.delete(order);
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No order with id " + id);
	}

	/**
	 * The body of a create or update.
	 *
	 * @param userId the id of the user placing the order
	 * @param product what is ordered
	 * @param quantity how many, at least one
	 * @param unitPrice the price of one; the total is computed from it
	 */
	record OrderRequest(@Nullable Long userId, @Nullable String product, @Nullable Integer quantity,
			@Nullable BigDecimal unitPrice) {

		Order toOrder(@Nullable Long id, UserRepository users) {
			if (this.userId == null || !users.existsById(this.userId)) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId must name an existing user");
			}
			if (this.quantity == null || this.quantity < 1) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "quantity must be at least 1");
			}
			return new Order(id, this.userId, Required.text("product", this.product), this.quantity, this.unitPrice,
					null);
		}

	}

}
