package dev.plugboard.autoconfigure.computed;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small application with order lines and invoices, and a controller that saves them
 * from JSON (registered as a member class of this configuration).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ComputedTestApplication {

	@RestController
	static class ComputedController {

		private final OrderLineRepository lines;

		private final InvoiceRepository invoices;

		ComputedController(OrderLineRepository lines, InvoiceRepository invoices) {
			this.lines = lines;
			this.invoices = invoices;
		}

		@PostMapping("/order-lines")
		OrderLine create(@RequestBody OrderLine line) {
			return this.lines.save(new OrderLine(null, line.product(), line.quantity(), line.unitPrice(), null));
		}

		@PutMapping("/invoices/{id}")
		Invoice update(@PathVariable long id, @RequestBody Map<String, Object> changes) {
			Invoice invoice = this.invoices.findById(id)
				.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
			if (changes.containsKey("net")) {
				invoice.setNet(new BigDecimal(changes.get("net").toString()));
			}
			if (changes.containsKey("parts")) {
				invoice.setParts(Integer.parseInt(changes.get("parts").toString()));
			}
			return this.invoices.save(invoice);
		}

	}

}
