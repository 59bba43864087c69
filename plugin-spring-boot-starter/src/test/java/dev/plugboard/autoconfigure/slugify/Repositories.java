package dev.plugboard.autoconfigure.slugify;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The repositories of the slugify tests.
 */
final class Repositories {

	private Repositories() {
	}

	interface ArticleRepository extends ListCrudRepository<Article, Long> {

	}

	interface RecipeRepository extends ListCrudRepository<Recipe, Long> {

	}

	interface GadgetRepository extends ListCrudRepository<Gadget, Long> {

	}

}
