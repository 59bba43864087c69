package dev.plugboard.autoconfigure.timestamps;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.autoconfigure.timestamps.Repositories.LegacyRepository;
import dev.plugboard.autoconfigure.timestamps.Repositories.PostRepository;

/**
 * An application with Spring Data JDBC repositories of entities with and without
 * timestamps, a clock the tests move, and a controller that builds entities from request
 * bodies, as a typical REST controller does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class TimestampsTestApplication {

	static final Instant START = Instant.parse("2025-03-01T09:00:00.123456Z");

	@Bean
	MutableClock clock() {
		return new MutableClock(START);
	}

	@RestController
	static class PostController {

		private final PostRepository posts;

		private final LegacyRepository legacies;

		PostController(PostRepository posts, LegacyRepository legacies) {
			this.posts = posts;
			this.legacies = legacies;
		}

		@PostMapping("/posts")
		Post create(@RequestBody Map<String, String> body) {
			return this.posts.save(new Post(body.get("title")));
		}

		@PutMapping("/posts/{id}")
		Post update(@PathVariable long id, @RequestBody Post body) {
			return this.posts.save(new Post(id, body.title(), body.createdAt(), body.updatedAt()));
		}

		@PostMapping("/legacies")
		Legacy createLegacy(@RequestBody Map<String, String> body) {
			return this.legacies.save(new Legacy(null, body.get("name"), null));
		}

	}

}
