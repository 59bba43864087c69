package dev.plugboard.benchmark.auditlog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.auditlog.AuditHead;
import dev.plugboard.builtin.auditlog.AuditLogConfig;
import dev.plugboard.builtin.auditlog.AuditLogPlugin;
import dev.plugboard.builtin.auditlog.AuditLogStore;
import dev.plugboard.builtin.auditlog.AuditQuery;
import dev.plugboard.builtin.auditlog.AuditRecord;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.EntityWrite;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSource;

/**
 * The CPU cost of the audit-log's after-write hook without a database: the diff of an
 * UPDATE against its stored row, the JSON of the changes and the SHA-256 of the row,
 * against a no-op after-write plugin. The store keeps only the head, so the database's
 * share (three statements and the head lock) is measured by the starter's
 * {@code AuditLogSaveBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuditLogAfterWriteBenchmark {

	@Param({ "no-op", "audit-log" })
	public String plugin;

	private PluginRuntime runtime;

	private DeferredExecutor deferred;

	private final Customer stored = new Customer(42L, "Ada Lovelace", "ada@example.com", "h1", 3);

	private final Customer written = new Customer(42L, "Ada King", "ada@example.com", "h2", 4);

	@Setup(Level.Trial)
	public void setUp() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		builder.add("audit-log".equals(this.plugin)
				? new AuditLogPlugin(AuditLogConfig.defaults(), new HeadOnlyStore(), Clock.systemUTC())
				: new NoOpAfterWrite(), PluginSource.BUILT_IN);
		this.deferred = new DeferredExecutor(1, 1);
		this.runtime = new PluginRuntime(builder.build(), HookObserver.NONE, this.deferred);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(java.time.Duration.ZERO);
	}

	@Benchmark
	public Customer update() {
		this.runtime.afterWrite(WriteOp.UPDATE, this.written, 42L, "customer", null,
				EntityWrite.withPrevious(this.stored));
		return this.written;
	}

	@Benchmark
	public Customer insert() {
		this.runtime.afterWrite(WriteOp.INSERT, this.written, 42L, "customer", null, EntityWrite.withPrevious(null));
		return this.written;
	}

	public record Customer(Long id, String name, String email, String passwordHash, int visits) {
	}

	static final class NoOpAfterWrite implements AfterWritePlugin {

		@Override
		public String id() {
			return "no-op";
		}

		@Override
		public void afterWrite(AfterWriteContext write) {
		}

	}

	/** Keeps the head only, so the chain advances without storing rows. */
	static final class HeadOnlyStore implements AuditLogStore {

		private volatile AuditHead head = new AuditHead(0, "0".repeat(64));

		@Override
		public AuditHead lockHead() {
			return this.head;
		}

		@Override
		public void append(AuditRecord record) {
			this.head = new AuditHead(record.seq(), record.hash());
		}

		@Override
		public AuditHead head() {
			return this.head;
		}

		@Override
		public List<AuditRecord> rows(long afterSeq, long upToSeq, int limit) {
			return List.of();
		}

		@Override
		public List<AuditRecord> find(AuditQuery query) {
			return List.of();
		}

		@Override
		public long count(AuditQuery query) {
			return 0;
		}

	}

}
