package dev.plugboard.autoconfigure.bodylimit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the {@code body-limit} built-in listed and controllers that read
 * bodies as text and as JSON.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BodyLimitTestApplication {

	@RestController
	static class BodyController {

		static final AtomicInteger calls = new AtomicInteger();

		@PostMapping("/text")
		String text(@RequestBody String body) {
			calls.incrementAndGet();
			return "read " + body.length();
		}

		@PostMapping("/json")
		Map<String, Object> json(@RequestBody Map<String, Object> body) {
			calls.incrementAndGet();
			return Map.of("fields", body.size());
		}

		@PostMapping("/uploads/text")
		String upload(@RequestBody String body) {
			calls.incrementAndGet();
			return "uploaded " + body.length();
		}

	}

}
