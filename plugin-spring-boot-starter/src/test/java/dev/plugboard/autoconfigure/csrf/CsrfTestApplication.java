package dev.plugboard.autoconfigure.csrf;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with a login that opens a servlet session (the {@code JSESSIONID}
 * cookie), an API that changes state, and a webhook receiver.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class CsrfTestApplication {

	@RestController
	static class NotesController {

		@PostMapping("/login")
		Map<String, String> login(HttpServletRequest request) {
			request.getSession(true).setAttribute("user", "ada");
			return Map.of("user", "ada");
		}

		@GetMapping("/api/notes")
		Map<String, String> list() {
			return Map.of("notes", "none");
		}

		@RequestMapping(path = "/api/notes",
				method = { RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
		@ResponseStatus(HttpStatus.CREATED)
		Map<String, String> change() {
			return Map.of("changed", "yes");
		}

		@PostMapping("/webhooks/stripe")
		Map<String, String> webhook() {
			return Map.of("received", "yes");
		}

	}

}
