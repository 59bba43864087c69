package dev.plugboard.autoconfigure.slugify;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.autoconfigure.slugify.Repositories.ArticleRepository;
import dev.plugboard.autoconfigure.slugify.Repositories.GadgetRepository;

/**
 * An application with Spring Data JDBC repositories of entities with slugs, and a
 * controller that builds entities from request bodies, as a typical REST controller does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class SlugifyTestApplication {

	@RestController
	static class ArticleController {

		private final ArticleRepository articles;

		private final GadgetRepository gadgets;

		ArticleController(ArticleRepository articles, GadgetRepository gadgets) {
			this.articles = articles;
			this.gadgets = gadgets;
		}

		@PostMapping("/articles")
		Article create(@RequestBody Map<String, String> body) {
			return this.articles.save(new Article(body.get("title")));
		}

		@PutMapping("/articles/{id}")
		Article update(@PathVariable long id, @RequestBody Map<String, String> body) {
			return this.articles.save(new Article(id, body.get("title"), body.get("slug")));
		}

		@PostMapping("/gadgets")
		Gadget createGadget(@RequestBody Map<String, String> body) {
			return this.gadgets.save(new Gadget(null, body.get("name"), null));
		}

	}

}
