package dev.plugboard.autoconfigure.ipfilter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the starter and one endpoint per kind of path the filter guards.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IpFilterTestApplication.Hello.class)
class IpFilterTestApplication {

	@RestController
	static class Hello {

		@GetMapping({ "/public", "/private", "/blocked" })
		String hello() {
			return "hello";
		}

	}

}
