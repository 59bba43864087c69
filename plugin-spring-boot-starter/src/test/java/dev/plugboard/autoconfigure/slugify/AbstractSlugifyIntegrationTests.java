package dev.plugboard.autoconfigure.slugify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.autoconfigure.slugify.Repositories.ArticleRepository;
import dev.plugboard.autoconfigure.slugify.Repositories.RecipeRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code slugify} built-in through the starter, on real Spring Data JDBC repositories
 * and over HTTP, concurrent inserts of one title included. Each subclass runs it against
 * one database.
 */
@SpringBootTest(classes = SlugifyTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.sql.init.mode=always", "spring.sql.init.schema-locations=classpath:plugboard-slugify/schema.sql",
		"spring.datasource.hikari.maximum-pool-size=10", "plugboard.plugins.slugify.sources.article.from=title",
		"plugboard.plugins.slugify.sources.article.to=slug", "plugboard.plugins.slugify.sources.article.max-length=40",
		"plugboard.plugins.slugify.sources.recipe.from=name", "plugboard.plugins.slugify.sources.recipe.to=urlSlug",
		"plugboard.plugins.slugify.sources.recipe.on-update=true", "plugboard.plugins.slugify.sources.gadget.from=name",
		"plugboard.plugins.slugify.sources.gadget.to=slug", "plugboard.plugins.slugify.sources.gadget.column=handle" })
abstract class AbstractSlugifyIntegrationTests {

	private static final int THREADS = 8;

	private static final int INSERTS_PER_THREAD = 25;

	@Autowired
	private ArticleRepository articles;

	@Autowired
	private RecipeRepository recipes;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@BeforeEach
	void clean() {
		this.jdbc.update("DELETE FROM article");
		this.jdbc.update("DELETE FROM recipe");
		this.jdbc.update("DELETE FROM gadget");
	}

	@Test
	void insertStoresTheTransliteratedSlug() {
		Article saved = this.articles.save(new Article("Crème Brûlée"));

		assertThat(saved.slug()).isEqualTo("creme-brulee");
		assertThat(storedSlug(saved.id())).isEqualTo("creme-brulee");
		assertThat(this.articles.save(new Article("Ünïcödé Straße")).slug()).isEqualTo("unicode-strasse");
		assertThat(this.articles.save(new Article("Москва")).slug()).isEqualTo("moskva");
	}

	@Test
	void takenSlugGetsTheNextSuffix() {
		assertThat(this.articles.save(new Article("Crème Brûlée")).slug()).isEqualTo("creme-brulee");
		assertThat(this.articles.save(new Article("Creme brulee")).slug()).isEqualTo("creme-brulee-2");
		assertThat(this.articles.save(new Article("CRÈME BRÛLÉE!")).slug()).isEqualTo("creme-brulee-3");
	}

	@Test
	void longTitleIsCutAtAWordWithinTheColumn() {
		String title = "A remarkably long title that would never fit in forty characters";

		Article first = this.articles.save(new Article(title));
		Article second = this.articles.save(new Article(title));

		assertThat(first.slug()).isEqualTo("a-remarkably-long-title-that-would-never");
		assertThat(second.slug()).isEqualTo("a-remarkably-long-title-that-would-2");
	}

	@Test
	void saveAllOfOneTitleGetsDistinctSlugs() {
		List<Article> saved = this.articles
			.saveAll(List.of(new Article("Same"), new Article("Same"), new Article("Same")));

		assertThat(saved).extracting(Article::slug).containsExactly("same", "same-2", "same-3");
	}

	@Test
	void entityWithoutASourceGetsNoSlug() {
		Article saved = this.articles.save(new Article((String) null));

		assertThat(storedSlug(saved.id())).isNull();
	}

	@Test
	void concurrentInsertsOfOneTitleAllGetDistinctSlugs() throws Exception {
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				done.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < INSERTS_PER_THREAD; i++) {
						try {
							this.articles.save(new Article("Breaking News"));
						}
						catch (RuntimeException ex) {
							failures.add(ex);
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(failures).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM article", Integer.class))
			.isEqualTo(THREADS * INSERTS_PER_THREAD);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT slug) FROM article", Integer.class))
			.isEqualTo(THREADS * INSERTS_PER_THREAD);
		assertThat(this.jdbc.queryForList("SELECT slug FROM article", String.class))
			.allMatch((slug) -> slug.matches("breaking-news(-\\d+)?"))
			.contains("breaking-news");
	}

	@Test
	void putFromAClientBodyWithoutTheSlugKeepsTheStoredSlug() throws Exception {
		Article saved = this.articles.save(new Article("Hello World"));

		HttpResponse<String> response = send("PUT", "/articles/" + saved.id(), "{\"title\":\"Hello, renamed\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"slug\":\"hello-world\"");
		assertThat(storedSlug(saved.id())).isEqualTo("hello-world");
	}

	@Test
	void postOverHttpStoresTheSlug() throws Exception {
		HttpResponse<String> response = send("POST", "/articles", "{\"title\":\"Æsir & Vanir\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"slug\":\"aesir-vanir\"");
	}

	@Test
	void slugFollowsTheSourceOnUpdateWhenConfiguredAndStaysWhileItIsUnchanged() {
		Recipe other = recipe(null, "Tarte Tatin");
		this.recipes.save(other);
		Recipe recipe = this.recipes.save(recipe(null, "Tarte Tatin"));
		assertThat(recipe.getUrlSlug()).isEqualTo("tarte-tatin-2");

		Recipe unchanged = this.recipes.save(recipe(recipe.getId(), "Tarte Tatin"));
		assertThat(unchanged.getUrlSlug()).isEqualTo("tarte-tatin-2");

		Recipe renamed = this.recipes.save(recipe(recipe.getId(), "Pear Tart"));
		assertThat(renamed.getUrlSlug()).isEqualTo("pear-tart");
		assertThat(
				this.jdbc.queryForObject("SELECT \"permalink\" FROM recipe WHERE id = ?", String.class, recipe.getId()))
			.isEqualTo("pear-tart");
	}

	@Test
	void missingColumnIsAFaultAnsweredAsAProblemAndStoresNothing() throws Exception {
		HttpResponse<String> response = send("POST", "/gadgets", "{\"name\":\"Widget\"}");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"plugin\":\"slugify\"").contains("\"code\":\"plugin-fault\"");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM gadget", Integer.class)).isZero();
	}

	private static Recipe recipe(Long id, String name) {
		Recipe recipe = new Recipe();
		recipe.setId(id);
		recipe.setName(name);
		return recipe;
	}

	private String storedSlug(Long id) {
		return this.jdbc.queryForObject("SELECT slug FROM article WHERE id = ?", String.class, id);
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
