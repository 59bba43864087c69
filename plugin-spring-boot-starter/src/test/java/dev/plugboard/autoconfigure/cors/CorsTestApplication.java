package dev.plugboard.autoconfigure.cors;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An application with an API a page on another origin calls, and two filters that record
 * what the server answered (around the plugin filter) and which requests reached the
 * application (after it).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class CorsTestApplication {

	@Bean
	Exchanges exchanges() {
		return new Exchanges();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> answerRecorder(Exchanges exchanges) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						chain.doFilter(request, response);
						exchanges.answered
							.add(new Exchange(request.getMethod(), request.getRequestURI(), request.getHeader("Origin"),
									response.getStatus(), response.getHeader("Access-Control-Allow-Origin"),
									response.getHeaderNames()
										.stream()
										.filter((name) -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
										.toList()));
					}
				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> applicationRecorder(Exchanges exchanges) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						exchanges.reached.add(request.getMethod() + " " + request.getRequestURI());
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	@RestController
	static class ProfileController {

		@GetMapping("/api/profile")
		Map<String, Object> profile(@CookieValue(name = "note", required = false) @Nullable String note) {
			return Map.of("name", "Ada", "cookie", (note != null) ? note : "none");
		}

		@PutMapping("/api/notes")
		ResponseEntity<Map<String, String>> note() {
			return ResponseEntity.ok().header("X-Note-Id", "7").body(Map.of("saved", "yes"));
		}

	}

	/**
	 * What the server answered, and what reached the application.
	 */
	static class Exchanges {

		final List<Exchange> answered = new CopyOnWriteArrayList<>();

		final List<String> reached = new CopyOnWriteArrayList<>();

		void clear() {
			this.answered.clear();
			this.reached.clear();
		}

	}

	record Exchange(String method, String path, @Nullable String origin, int status, @Nullable String allowOrigin,
			List<String> corsHeaders) {
	}

}
