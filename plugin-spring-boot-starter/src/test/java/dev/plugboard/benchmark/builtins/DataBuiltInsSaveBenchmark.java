package dev.plugboard.benchmark.builtins;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Data JDBC {@code save} of a new entity on in-memory H2 with the data-layer
 * built-ins timestamps, slugify (with its uniqueness query), computed and validation on,
 * against the same save with Plugboard off and with the starter on but no plugin listed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataBuiltInsSaveBenchmark {

	@Param({ "off", "none-listed", "four-built-ins" })
	public String plugboard;

	private ConfigurableApplicationContext context;

	private BenchArticles articles;

	private JdbcTemplate jdbc;

	private long sequence;

	@Setup(Level.Trial)
	public void start() {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:builtins;DB_CLOSE_DELAY=-1",
					"spring.sql.init.schema-locations=classpath:benchmark-schema.sql", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "plugboard.unsupported-writes=ignore",
					"plugboard.enabled=" + !this.plugboard.equals("off"));
		if (this.plugboard.equals("four-built-ins")) {
			builder.properties("plugboard.plugins.timestamps.entities=bench_article",
					"plugboard.plugins.slugify.sources.bench_article.from=title",
					"plugboard.plugins.slugify.sources.bench_article.to=slug",
					"plugboard.plugins.computed.fields.bench_article.total=quantity * unitPrice",
					"plugboard.plugins.validation.rules.bench_article.title[0]=required",
					"plugboard.plugins.validation.rules.bench_article.title[1].length.max=100",
					"plugboard.plugins.validation.rules.bench_article.quantity[0].min=1");
		}
		this.context = builder.run();
		this.articles = this.context.getBean(BenchArticles.class);
		this.jdbc = this.context.getBean(JdbcTemplate.class);
	}

	@TearDown(Level.Iteration)
	public void truncate() {
		this.jdbc.execute("TRUNCATE TABLE bench_article");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public BenchArticle save() {
		return this.articles.save(new BenchArticle(null, "Crème Brûlée " + (++this.sequence), null, 3,
				new BigDecimal("4.50"), null, null, null));
	}

	public record BenchArticle(@Id Long id, String title, String slug, int quantity, BigDecimal unitPrice,
			BigDecimal total, Instant createdAt, Instant updatedAt) {
	}

	public interface BenchArticles extends ListCrudRepository<BenchArticle, Long> {

	}

	@SpringBootApplication
	@EnableJdbcRepositories(considerNestedRepositories = true)
	static class BenchApplication {

	}

}
