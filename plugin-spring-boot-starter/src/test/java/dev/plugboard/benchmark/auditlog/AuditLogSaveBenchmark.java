package dev.plugboard.benchmark.auditlog;

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
 * A Spring Data JDBC insert and update on in-memory H2 with the audit-log on (its three
 * statements per write, the stored row loaded per update, the head lock), against the
 * same writes with Plugboard off. Single-threaded: the serialisation through the head row
 * under contention is a property of the database, not measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditLogSaveBenchmark {

	@Param({ "off", "audit-log" })
	public String plugboard;

	private ConfigurableApplicationContext context;

	private BenchCustomers customers;

	private JdbcTemplate jdbc;

	private BenchCustomer existing;

	private int visits;

	@Setup(Level.Trial)
	public void start() {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:auditbench;DB_CLOSE_DELAY=-1",
					"spring.sql.init.schema-locations=classpath:benchmark-audit-schema.sql",
					"spring.main.banner-mode=off", "logging.level.root=WARN", "plugboard.unsupported-writes=ignore",
					"plugboard.enabled=" + !this.plugboard.equals("off"));
		if (this.plugboard.equals("audit-log")) {
			builder.properties("plugboard.plugins.audit-log.entities=bench_customer");
		}
		this.context = builder.run();
		this.customers = this.context.getBean(BenchCustomers.class);
		this.jdbc = this.context.getBean(JdbcTemplate.class);
	}

	@Setup(Level.Iteration)
	public void existing() {
		this.existing = this.customers.save(new BenchCustomer(null, "Ada", 0));
	}

	@TearDown(Level.Iteration)
	public void truncate() {
		this.jdbc.execute("TRUNCATE TABLE bench_customer");
		if (this.plugboard.equals("audit-log")) {
			this.jdbc.execute("TRUNCATE TABLE plugboard_audit_log");
			this.jdbc.update("UPDATE plugboard_audit_head SET seq = 0, row_hash = ? WHERE id = 1", "0".repeat(64));
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public BenchCustomer insert() {
		return this.customers.save(new BenchCustomer(null, "Grace", 1));
	}

	@Benchmark
	public BenchCustomer update() {
		return this.customers.save(new BenchCustomer(this.existing.id(), "Ada", ++this.visits));
	}

	public record BenchCustomer(@Id Long id, String name, int visits) {
	}

	public interface BenchCustomers extends ListCrudRepository<BenchCustomer, Long> {

	}

	@SpringBootApplication
	@EnableJdbcRepositories(considerNestedRepositories = true)
	static class BenchApplication {

	}

}
