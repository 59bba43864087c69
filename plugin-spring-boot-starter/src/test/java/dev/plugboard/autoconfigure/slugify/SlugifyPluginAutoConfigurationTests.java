package dev.plugboard.autoconfigure.slugify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.PluginDefinition;
import dev.plugboard.WriteOp;
import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.builtin.slugify.SlugifyPlugin;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code slugify} built-in through its auto-configuration: created only when listed,
 * transliterating every script only with ICU4J, and every configuration error stopping
 * the boot.
 */
class SlugifyPluginAutoConfigurationTests {

	private static final String[] NOT_UNIQUE = { "plugboard.plugins.slugify.sources.article.from=title",
			"plugboard.plugins.slugify.sources.article.to=slug",
			"plugboard.plugins.slugify.sources.article.unique=false" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(PlugboardAutoConfiguration.class, SlugifyPluginAutoConfiguration.class));

	@Test
	void pluginIsAbsentUnlessListed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PluginDefinition.class);
			assertThat(context.getBean(PluginRegistry.class).all()).isEmpty();
		});
	}

	@Test
	void listedPluginIsABuiltInThatTransliteratesEveryScriptWithIcu() {
		this.contextRunner.withPropertyValues(NOT_UNIQUE).run((context) -> {
			RegisteredPlugin registered = plugin(context);
			assertThat(registered.source()).isEqualTo(PluginSource.BUILT_IN);
			assertThat(slug(registered, "Москва")).isEqualTo("moskva");
		});
	}

	@Test
	void withoutIcuTheLatinScriptIsStillSpelledOut() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.ibm.icu"))
			.withPropertyValues(NOT_UNIQUE)
			.run((context) -> {
				RegisteredPlugin registered = plugin(context);
				assertThat(slug(registered, "Ünïcödé Straße")).isEqualTo("unicode-strasse");
				assertThat(slug(registered, "Æsir")).isEqualTo("aesir");
				assertThat(slug(registered, "Москва")).isNull();
			});
	}

	@Test
	void uniqueSlugsUseTheApplicationsJdbcTemplate() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true",
					"plugboard.plugins.slugify.sources.article.from=title",
					"plugboard.plugins.slugify.sources.article.to=slug")
			.run((context) -> {
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				jdbc.execute("CREATE TABLE article (id BIGINT PRIMARY KEY, title VARCHAR(100), slug VARCHAR(100))");
				jdbc.update("INSERT INTO article VALUES (1, 'Hello', 'hello')");
				assertThat(slug(plugin(context), "Hello")).isEqualTo("hello-2");
			});
	}

	@Test
	void disabledEntryCreatesNoPlugin() {
		this.contextRunner.withPropertyValues(NOT_UNIQUE)
			.withPropertyValues("plugboard.plugins.slugify.enabled=false")
			.run((context) -> assertThat(context.getBean(PluginRegistry.class).enabled()).isEmpty());
	}

	@Test
	void aggregateNamedWithUnderscoresIsKeptInBrackets() {
		this.contextRunner.withInitializer(yaml("""
				plugboard:
				  plugins:
				    slugify:
				      sources:
				        "[menu_item]":
				          from: title
				          to: slug
				          unique: false
				""")).run((context) -> {
			Article written = PluginHarness.of(plugin(context).plugin())
				.beforeWrite(WriteOp.INSERT, "menu_item", new Article(null, "Home page", null));
			assertThat(written.slug()).isEqualTo("home-page");
		});
	}

	@Test
	void aggregateNamedWithUnderscoresMatchesWithoutBrackets() {
		this.contextRunner.withInitializer(yaml("""
				plugboard:
				  plugins:
				    slugify:
				      sources:
				        menu_item:
				          from: title
				          to: slug
				          unique: false
				""")).run((context) -> {
			Article written = PluginHarness.of(plugin(context).plugin())
				.beforeWrite(WriteOp.INSERT, "menu_item", new Article(null, "Home page", null));
			assertThat(written.slug()).isEqualTo("home-page");
		});
	}

	@Test
	void listedWithoutSourcesStopsTheBoot() {
		this.contextRunner.withInitializer(yaml("""
				plugboard:
				  plugins:
				    slugify: {}
				""")).run((context) -> {
			ManifestException failure = manifestFailure(context);
			assertThat(failure.problem()).isEqualTo(Problem.MISSING_KEY);
			assertThat(failure.pluginId()).isEqualTo("slugify");
			assertThat(failure.description()).contains("plugboard.plugins.slugify.sources");
		});
	}

	@Test
	void sourceWithoutTargetStopsTheBootNamingTheKey() {
		this.contextRunner.withPropertyValues("plugboard.plugins.slugify.sources.article.from=title").run((context) -> {
			ManifestException failure = manifestFailure(context);
			assertThat(failure.problem()).isEqualTo(Problem.MISSING_KEY);
			assertThat(failure.description()).contains("plugboard.plugins.slugify.sources.article.to");
		});
	}

	@Test
	void tooShortMaximumLengthStopsTheBoot() {
		this.contextRunner.withPropertyValues(NOT_UNIQUE)
			.withPropertyValues("plugboard.plugins.slugify.sources.article.max-length=3")
			.run((context) -> {
				ManifestException failure = manifestFailure(context);
				assertThat(failure.problem()).isEqualTo(Problem.INVALID_VALUE);
				assertThat(failure.description()).contains("plugboard.plugins.slugify.sources.article.max-length")
					.contains("at least 8");
			});
	}

	@Test
	void slugReplacingItsSourceStopsTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.slugify.sources.article.from=title",
					"plugboard.plugins.slugify.sources.article.to=title")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("cannot replace its own source 'title'"));
	}

	@Test
	void fallbackWithoutLettersStopsTheBoot() {
		this.contextRunner.withPropertyValues(NOT_UNIQUE)
			.withPropertyValues("plugboard.plugins.slugify.sources.article.fallback=???")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.slugify.sources.article.fallback"));
	}

	@Test
	void noAttemptsStopTheBoot() {
		this.contextRunner.withPropertyValues(NOT_UNIQUE)
			.withPropertyValues("plugboard.plugins.slugify.max-attempts=0")
			.run((context) -> assertThat(manifestFailure(context).description())
				.contains("plugboard.plugins.slugify.max-attempts"));
	}

	@Test
	void uniqueSlugsWithoutAJdbcTemplateStopTheBoot() {
		this.contextRunner
			.withPropertyValues("plugboard.plugins.slugify.sources.article.from=title",
					"plugboard.plugins.slugify.sources.article.to=slug")
			.run((context) -> assertThat(manifestFailure(context).description()).contains("no JdbcTemplate")
				.contains("plugboard.plugins.slugify.sources.article.unique"));
	}

	@Test
	void valueThatDoesNotBindStopsTheBoot() {
		this.contextRunner.withPropertyValues(NOT_UNIQUE)
			.withPropertyValues("plugboard.plugins.slugify.sources.article.max-length=long")
			.run((context) -> assertThat(manifestFailure(context).problem()).isEqualTo(Problem.INVALID_VALUE));
	}

	@Test
	void nothingIsDefinedWhenPlugboardIsDisabled() {
		this.contextRunner.withPropertyValues("plugboard.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PluginDefinition.class));
	}

	private static @Nullable String slug(RegisteredPlugin plugin, String title) {
		return PluginHarness.of(plugin.plugin()).beforeWrite(WriteOp.INSERT, new Article(title)).slug();
	}

	private static RegisteredPlugin plugin(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		PluginRegistry registry = context.getBean(PluginRegistry.class);
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly(SlugifyPlugin.ID);
		return registry.enabled().get(0);
	}

	private static ManifestException manifestFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ManifestException manifest) {
				return manifest;
			}
		}
		throw new AssertionError("Boot did not stop with a manifest problem", context.getStartupFailure());
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String yaml) {
		return (context) -> {
			try {
				new YamlPropertySourceLoader()
					.load("application.yml",
							new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "application.yml"))
					.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

}
