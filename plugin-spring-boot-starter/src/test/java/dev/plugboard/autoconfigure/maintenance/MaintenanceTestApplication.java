package dev.plugboard.autoconfigure.maintenance;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;

/**
 * An application with an API, a status page, actuator, and an authentication plugin of
 * its own that grants the {@code OPERATOR} role to requests carrying an operator key.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MaintenanceTestApplication {

	@RestController
	static class ApiController {

		@GetMapping("/api/orders")
		Map<String, String> orders() {
			return Map.of("orders", "none");
		}

		@GetMapping("/status")
		Map<String, String> status() {
			return Map.of("status", "planned maintenance");
		}

	}

	@Component
	static class OperatorKeyPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "operator-key";
		}

		@Override
		public int order() {
			return PluginOrder.AUTH;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			if ("operator-secret".equals(request.header("X-Operator-Key"))) {
				Principal operator = () -> "operator";
				request.setPrincipal(operator, List.of("OPERATOR"));
			}
		}

	}

}
