package dev.plugboard.autoconfigure.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.Conflict;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.Unauthorized;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginRuntime;

/**
 * A small application whose controllers and plugin routes raise plugin rejections and
 * faults, and whose own exception handlers would answer them differently if they got the
 * chance.
 */
final class Orders {

	private Orders() {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		UniqueEmailPlugin uniqueEmailPlugin() {
			return new UniqueEmailPlugin();
		}

		@Bean
		WebhooksPlugin webhooksPlugin() {
			return new WebhooksPlugin();
		}

		@Bean
		OrderService orderService(PluginRuntime runtime) {
			return new OrderService(runtime);
		}

		@Bean
		OrderController orderController(OrderService orders) {
			return new OrderController(orders);
		}

		@Bean
		ApplicationAdvice applicationAdvice() {
			return new ApplicationAdvice();
		}

	}

	record Order(String email) {
	}

	/** Refuses a second order for the same email; its lookup can break. */
	static class UniqueEmailPlugin implements BeforeWritePlugin {

		@Override
		public String id() {
			return "unique-email";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			Order order = write.entity(Order.class);
			if (order == null) {
				return;
			}
			if (order.email().startsWith("boom")) {
				throw new IllegalStateException("lookup failed: jdbc:postgresql://db/secret");
			}
			if (order.email().startsWith("taken")) {
				throw new Conflict("email-taken", "An order for " + order.email() + " already exists");
			}
		}

	}

	/** Receives signed webhooks on its own route. */
	static class WebhooksPlugin implements RoutesPlugin {

		@Override
		public String id() {
			return "webhooks";
		}

		@Override
		public RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().POST("/hooks/{source}", (request) -> {
				if (!"good".equals(request.headers().firstHeader("X-Signature"))) {
					throw new Unauthorized("HMAC realm=\"hooks\"", "The signature does not match");
				}
				if ("crash".equals(request.pathVariable("source"))) {
					throw new IllegalStateException("parser crashed on secret payload");
				}
				return ServerResponse.accepted().body("accepted " + request.pathVariable("source"));
			}).build();
		}

	}

	/**
	 * Stands in for a repository save: runs the before-write hooks through the runtime,
	 * as the repository interceptor does, then stores nothing.
	 */
	static class OrderService {

		private final PluginRuntime runtime;

		OrderService(PluginRuntime runtime) {
			this.runtime = runtime;
		}

		Order place(Order order) {
			return (Order) this.runtime.beforeWrite(WriteOp.INSERT, order, "orders", PluginRuntime.currentRequest());
		}

		Order placeWrapped(Order order) {
			try {
				return place(order);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Order placement failed", ex);
			}
		}

	}

	@RestController
	static class OrderController {

		private final OrderService orders;

		OrderController(OrderService orders) {
			this.orders = orders;
		}

		@PostMapping("/orders")
		ResponseEntity<String> place(@RequestParam String email) {
			return ResponseEntity.status(HttpStatus.CREATED).body(this.orders.place(new Order(email)).email());
		}

		@PostMapping("/orders/wrapped")
		String placeWrapped(@RequestParam String email) {
			return this.orders.placeWrapped(new Order(email)).email();
		}

		@GetMapping("/orders/broken")
		String broken() {
			throw new IllegalStateException("the application's own failure");
		}

		@GetMapping("/orders/unsupported")
		String unsupported() {
			throw new UnsupportedOperationException("not yet");
		}

		@ExceptionHandler(IllegalStateException.class)
		ResponseEntity<String> handleLocally(IllegalStateException ex) {
			return ResponseEntity.unprocessableContent().body("handled by the controller");
		}

	}

	@RestControllerAdvice
	static class ApplicationAdvice {

		@ExceptionHandler(RuntimeException.class)
		ResponseEntity<String> handle(RuntimeException ex) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("handled by the advice");
		}

	}

}
