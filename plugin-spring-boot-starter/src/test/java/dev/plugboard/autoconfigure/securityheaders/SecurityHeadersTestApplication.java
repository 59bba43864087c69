package dev.plugboard.autoconfigure.securityheaders;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.Forbidden;
import dev.plugboard.RequestContext;

/**
 * An application with the {@code security-headers} built-in listed, controllers that set
 * some of the same headers themselves, and a plugin of its own that rejects
 * {@code /admin}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SecurityHeadersTestApplication {

	@Bean
	BeforeRequestPlugin adminGate() {
		return new BeforeRequestPlugin() {

			@Override
			public String id() {
				return "admin-gate";
			}

			@Override
			public void beforeRequest(RequestContext request) {
				if (request.path().startsWith("/admin")) {
					throw new Forbidden("admins only");
				}
			}

		};
	}

	@RestController
	static class PageController {

		@GetMapping("/page")
		String page() {
			return "page";
		}

		@GetMapping("/embeddable")
		String embeddable(HttpServletResponse response) {
			response.setHeader("X-Frame-Options", "SAMEORIGIN");
			return "embeddable";
		}

		@GetMapping("/private")
		ResponseEntity<String> privatePage() {
			return ResponseEntity.ok().header("Referrer-Policy", "no-referrer").body("private");
		}

		@GetMapping("/empty")
		ResponseEntity<Void> empty() {
			return ResponseEntity.noContent().build();
		}

	}

}
