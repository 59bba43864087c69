package dev.plugboard.benchmark.interceptor;

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
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;

/**
 * A Spring Data JDBC {@code save} of a new entity on in-memory H2: with Plugboard off,
 * with the starter on and no write hooks, and with the repository interceptor running a
 * no-op before-write and a no-op after-write plugin. The ratio against {@code off} is the
 * interceptor's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepositorySaveBenchmark {

	@Param({ "off", "no-hooks", "two-no-op-hooks" })
	public String plugboard;

	private ConfigurableApplicationContext context;

	private BenchItems items;

	private JdbcTemplate jdbc;

	@Setup(Level.Trial)
	public void start() {
		this.context = new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
			.profiles(this.plugboard.equals("two-no-op-hooks") ? "hooks" : "no-hooks")
			.properties("spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
					"spring.sql.init.schema-locations=classpath:benchmark-schema.sql", "spring.main.banner-mode=off",
					"logging.level.root=WARN", "plugboard.unsupported-writes=ignore",
					"plugboard.enabled=" + !this.plugboard.equals("off"))
			.run();
		this.items = this.context.getBean(BenchItems.class);
		this.jdbc = this.context.getBean(JdbcTemplate.class);
	}

	@TearDown(Level.Iteration)
	public void truncate() {
		this.jdbc.execute("TRUNCATE TABLE bench_item");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public BenchItem save() {
		return this.items.save(new BenchItem(null, "item"));
	}

	public record BenchItem(@Id Long id, String name) {
	}

	public interface BenchItems extends ListCrudRepository<BenchItem, Long> {

	}

	@SpringBootApplication
	@EnableJdbcRepositories(considerNestedRepositories = true)
	static class BenchApplication {

		@Bean
		@org.springframework.context.annotation.Profile("hooks")
		NoOpWriteHooks noOpWriteHooks() {
			return new NoOpWriteHooks();
		}

	}

	static final class NoOpWriteHooks implements BeforeWritePlugin, AfterWritePlugin {

		@Override
		public String id() {
			return "no-op-write";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
		}

	}

}
