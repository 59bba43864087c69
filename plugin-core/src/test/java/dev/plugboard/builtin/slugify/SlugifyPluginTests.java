package dev.plugboard.builtin.slugify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.slugify.SlugifyConfig.Source;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.EntityWrite;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link SlugifyPlugin} driven by the {@link PluginHarness}, with its unique slugs
 * checked against an embedded H2 database.
 */
class SlugifyPluginTests {

	private EmbeddedDatabase database;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createDatabase() {
		this.database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		this.jdbc = new JdbcTemplate(this.database);
		this.jdbc.execute(
				"CREATE TABLE \"article\" (id BIGINT PRIMARY KEY, title VARCHAR(200), slug VARCHAR(40) " + "UNIQUE)");
		this.jdbc.execute("CREATE TABLE recipe (id BIGINT PRIMARY KEY, name VARCHAR(200), url_slug VARCHAR(80))");
	}

	@AfterEach
	void shutDownDatabase() {
		this.database.shutdown();
	}

	private PluginHarness harness(Source source) {
		return harness("article", source);
	}

	private PluginHarness harness(String aggregate, Source source) {
		return PluginHarness.of(plugin(aggregate, source));
	}

	private SlugifyPlugin plugin(String aggregate, Source source) {
		return new SlugifyPlugin(SlugifyConfig.of(Map.of(aggregate, source)), Slugger.icu(), this.jdbc);
	}

	private static Source source(boolean onUpdate, int maxLength, boolean unique, @Nullable String fallback) {
		return new Source("title", "slug", null, null, onUpdate, maxLength, unique, fallback);
	}

	private void store(long id, String slug) {
		this.jdbc.update("INSERT INTO \"article\" (id, title, slug) VALUES (?, ?, ?)", id, slug, slug);
	}

	@Test
	void pluginHasItsIdAndDataOrder() {
		SlugifyPlugin plugin = plugin("article", Source.of("title", "slug"));
		assertThat(plugin.id()).isEqualTo("slugify").isEqualTo(SlugifyPlugin.ID);
		assertThat(plugin.order()).isEqualTo(PluginOrder.DATA);
	}

	@Test
	void insertDerivesTheSlugFromTheSource() {
		Article written = harness(Source.of("title", "slug")).beforeWrite(WriteOp.INSERT,
				new Article(null, "Crème Brûlée", null));

		assertThat(written.slug()).isEqualTo("creme-brulee");
	}

	@Test
	void insertOfAJavaBeanSetsTheSlugInPlace() {
		Recipe recipe = new Recipe("Ünïcödé Straße");

		Recipe written = harness("recipe", new Source("name", "urlSlug", null, null, false, 80, true, null))
			.beforeWrite(WriteOp.INSERT, recipe);

		assertThat(written).isSameAs(recipe);
		assertThat(recipe.getUrlSlug()).isEqualTo("unicode-strasse");
	}

	@Test
	void takenSlugGetsTheFirstFreeSuffix() {
		store(1, "creme-brulee");
		store(2, "creme-brulee-2");
		store(3, "creme-brulee-4");
		store(4, "creme-brulee-pie");

		Article written = harness(Source.of("title", "slug")).beforeWrite(WriteOp.INSERT,
				new Article(null, "Crème Brûlée", null));

		assertThat(written.slug()).isEqualTo("creme-brulee-3");
	}

	@Test
	void suffixedSlugStaysWithinTheMaximumLengthCutAtAWord() {
		store(1, "the-quick-brown-fox");

		Article written = harness(source(false, 20, true, null)).beforeWrite(WriteOp.INSERT,
				new Article(null, "The quick brown fox", null));

		assertThat(written.slug()).isEqualTo("the-quick-brown-2");
	}

	@Test
	void cappedSlugsAreStillMadeUnique() {
		store(1, "the-quick-brown");
		store(2, "the-quick-2");

		Article written = harness(source(false, 16, true, null)).beforeWrite(WriteOp.INSERT,
				new Article(null, "The quick brown fox", null));

		assertThat(written.slug()).isEqualTo("the-quick-3");
	}

	@Test
	void slugThatNeedNotBeUniqueIsNeverSuffixed() {
		store(1, "hello");

		Article written = harness(source(false, 80, false, null)).beforeWrite(WriteOp.INSERT,
				new Article(null, "Hello", null));

		assertThat(written.slug()).isEqualTo("hello");
	}

	@Test
	void nullOrBlankSourceGetsNoSlug() {
		PluginHarness harness = harness(Source.of("title", "slug"));

		assertThat(harness.beforeWrite(WriteOp.INSERT, new Article(null, null, null)).slug()).isNull();
		assertThat(harness.beforeWrite(WriteOp.INSERT, new Article(null, "  ?! ", null)).slug()).isNull();
	}

	@Test
	void nullSourceGetsTheSlugOfTheFallbackMadeUnique() {
		store(1, "untitled");

		Article written = harness(source(false, 80, true, "Untitled")).beforeWrite(WriteOp.INSERT,
				new Article(null, null, null));

		assertThat(written.slug()).isEqualTo("untitled-2");
	}

	@Test
	void updateFromABodyWithoutTheSlugGetsTheStoredOneBack() {
		Article stored = new Article(1L, "Hello", "hello-2");

		Article written = harness(Source.of("title", "slug")).withPrevious(stored)
			.beforeWrite(WriteOp.UPDATE, new Article(1L, "Hello, renamed", null));

		assertThat(written.slug()).isEqualTo("hello-2");
	}

	@Test
	void updateKeepsASlugTheEntityCarries() {
		Article written = harness(Source.of("title", "slug")).withPrevious(new Article(1L, "Hello", "hello"))
			.beforeWrite(WriteOp.UPDATE, new Article(1L, "Hello", "hello-world"));

		assertThat(written.slug()).isEqualTo("hello-world");
	}

	@Test
	void updateOfARowStoredWithoutASlugGivesItOne() {
		store(1, "hello");

		Article written = harness(Source.of("title", "slug")).withPrevious(new Article(2L, "Hello", null))
			.beforeWrite(WriteOp.UPDATE, new Article(2L, "Hello", null));

		assertThat(written.slug()).isEqualTo("hello-2");
	}

	@Test
	void updateDerivingAgainKeepsTheSlugWhileTheSourceIsUnchanged() {
		store(1, "hello");
		store(2, "hello-2");

		Article written = harness(source(true, 80, true, null)).withPrevious(new Article(2L, "Hello", "hello-2"))
			.beforeWrite(WriteOp.UPDATE, new Article(2L, "Hello", null));

		assertThat(written.slug()).isEqualTo("hello-2");
	}

	@Test
	void updateDerivingAgainFollowsAChangedSource() {
		store(1, "hello");
		store(2, "goodbye");

		Article written = harness(source(true, 80, true, null)).withPrevious(new Article(1L, "Hello", "hello"))
			.beforeWrite(WriteOp.UPDATE, new Article(1L, "Goodbye", "hello"));

		assertThat(written.slug()).isEqualTo("goodbye-2");
	}

	@Test
	void deleteIsLeftAlone() {
		Article article = new Article(1L, "Hello", null);

		assertThat(harness(Source.of("title", "slug")).beforeWrite(WriteOp.DELETE, article)).isSameAs(article);
	}

	@Test
	void aggregateWithoutASourceIsLeftAlone() {
		Recipe recipe = new Recipe("Tarte Tatin");

		harness(Source.of("title", "slug")).beforeWrite(WriteOp.INSERT, recipe);

		assertThat(recipe.getUrlSlug()).isNull();
	}

	@Test
	void tableAndColumnCanBeNamedExplicitly() {
		this.jdbc.update("INSERT INTO recipe (id, name, url_slug) VALUES (1, 'Home', 'home')");

		Article written = harness("posts", new Source("title", "slug", "recipe", "URL_SLUG", false, 80, true, null))
			.beforeWrite(WriteOp.INSERT, "posts", new Article(null, "Home", null));

		assertThat(written.slug()).isEqualTo("home-2");
	}

	@Test
	void missingColumnIsAFaultNamingTheAggregateAndTheKeyToSet() {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness("recipe", new Source("name", "slug", null, null, false, 80, true, null))
				.beforeWrite(WriteOp.INSERT, "recipe", new RecipeWithSlug("Tarte", null)))
			.havingCause()
			.withMessageContaining("found no column 'slug' in a table 'recipe'")
			.withMessageContaining("'sources.recipe.column'");
	}

	@Test
	void missingSourcePropertyIsAFault() {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness(Source.of("headline", "slug")).beforeWrite(WriteOp.INSERT,
					new Article(null, "Hello", null)))
			.havingCause()
			.withMessageContaining("'headline'")
			.withMessageContaining(Article.class.getName());
	}

	@Test
	void targetThatIsNotAStringIsAFault() {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness(Source.of("title", "id")).beforeWrite(WriteOp.INSERT,
					new Article(null, "Hello", null)))
			.havingCause()
			.withMessageContaining("'id'")
			.withMessageContaining("java.lang.Long");
	}

	@Test
	void uniqueSlugsWithoutADatabaseAreAConfigurationError() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new SlugifyPlugin(SlugifyConfig.of(Map.of("article", Source.of("title", "slug"))),
					Slugger.latin(), null))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("sources.article.unique"));
	}

	@Test
	void slugsNeedNoDatabaseWhenTheyNeedNotBeUnique() {
		SlugifyPlugin plugin = new SlugifyPlugin(SlugifyConfig.of(Map.of("article", source(false, 80, false, null))),
				Slugger.latin(), null);

		assertThat(PluginHarness.of(plugin).beforeWrite(WriteOp.INSERT, new Article(null, "Æsir", null)).slug())
			.isEqualTo("aesir");
	}

	@Test
	void entitiesOfOneTransactionGetDistinctSlugsBeforeAnyIsInserted() {
		PluginRuntime runtime = runtime(plugin("article", Source.of("title", "slug")));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.database));

		List<String> slugs = transaction.execute((status) -> {
			List<String> written = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Article article = (Article) runtime.beforeWrite(WriteOp.INSERT, new Article(null, "Hello", null),
						"article", null, new EntityWrite(null));
				written.add(article.slug());
			}
			return written;
		});

		assertThat(slugs).containsExactly("hello", "hello-2", "hello-3");
	}

	@Test
	void retryAfterADuplicateKeyPicksAnotherFreeSlug() {
		PluginRuntime runtime = runtime(plugin("article", Source.of("title", "slug")));
		store(1, "hello");
		EntityWrite write = new EntityWrite(null);

		Article first = (Article) runtime.beforeWrite(WriteOp.INSERT, new Article(null, "Hello", null), "article", null,
				write);
		assertThat(first.slug()).isEqualTo("hello-2");
		store(2, "hello-2");
		assertThat(write.maxAttempts()).isEqualTo(SlugifyConfig.DEFAULT_MAX_ATTEMPTS);
		assertThat(write.nextAttempt()).isTrue();
		Article second = (Article) runtime.beforeWrite(WriteOp.INSERT, first, "article", null, write);

		assertThat(second.slug()).isIn("hello-3", "hello-4");
	}

	@Test
	void uniqueColumnIsLookedUpOncePerAggregate() {
		AtomicInteger connections = new AtomicInteger();
		JdbcTemplate counting = new JdbcTemplate(this.database) {

			@Override
			public <T> @Nullable T execute(org.springframework.jdbc.core.ConnectionCallback<T> action) {
				connections.incrementAndGet();
				return super.execute(action);
			}

		};
		PluginHarness harness = PluginHarness.of(new SlugifyPlugin(
				SlugifyConfig.of(Map.of("article", Source.of("title", "slug"))), Slugger.icu(), counting));

		harness.beforeWrite(WriteOp.INSERT, new Article(null, "One", null));
		harness.beforeWrite(WriteOp.INSERT, new Article(null, "Two", null));

		assertThat(connections).hasValue(1);
	}

	private static PluginRuntime runtime(SlugifyPlugin plugin) {
		PluginRegistry registry = PluginRegistry.builder(Map.of()).add(plugin, PluginSource.BUILT_IN).build();
		return new PluginRuntime(registry, HookObserver.NONE, new DeferredExecutor(1, 1));
	}

	record Article(@Nullable Long id, @Nullable String title, @Nullable String slug) {
	}

	record RecipeWithSlug(String name, @Nullable String slug) {
	}

	static final class Recipe {

		private final String name;

		private @Nullable String urlSlug;

		Recipe(String name) {
			this.name = name;
		}

		String getName() {
			return this.name;
		}

		@Nullable String getUrlSlug() {
			return this.urlSlug;
		}

		void setUrlSlug(@Nullable String urlSlug) {
			this.urlSlug = urlSlug;
		}

	}

}
