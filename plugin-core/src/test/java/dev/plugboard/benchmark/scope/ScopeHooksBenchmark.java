package dev.plugboard.benchmark.scope;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.RequestContext;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.immutablefields.ImmutableFieldsConfig;
import dev.plugboard.builtin.immutablefields.ImmutableFieldsPlugin;
import dev.plugboard.builtin.softdelete.SoftDeleteConfig;
import dev.plugboard.builtin.softdelete.SoftDeletePlugin;
import dev.plugboard.builtin.tenantscope.TenantResolver;
import dev.plugboard.builtin.tenantscope.TenantScopeConfig;
import dev.plugboard.builtin.tenantscope.TenantScopePlugin;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.EntityWrite;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.ServletRequestContext;

/**
 * What tenant-scope and soft-delete add to each entity a finder returns, and what
 * immutable-fields adds to an UPDATE (the stored row given, so the query is not
 * measured), through the real dispatcher, against no plugins in the same class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScopeHooksBenchmark {

	@Param({ "none", "scope" })
	public String plugins;

	private PluginRuntime runtime;

	private DeferredExecutor deferred;

	private RequestContext request;

	private final Project project = new Project(1L, "Apollo", "acme", null, 7L);

	private final Project edited = new Project(1L, "Apollo 11", "acme", null, 7L);

	@Setup(Level.Trial)
	public void setUp() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of());
		if ("scope".equals(this.plugins)) {
			builder.add(new TenantScopePlugin(new TenantScopeConfig("tenantId", Set.of(), null),
					TenantResolver.header("X-Tenant-Id")), PluginSource.BUILT_IN);
			builder.add(new SoftDeletePlugin(new SoftDeleteConfig("deletedAt", Set.of(), null, "/soft-delete"),
					Clock.systemUTC()), PluginSource.BUILT_IN);
			builder.add(new ImmutableFieldsPlugin(new ImmutableFieldsConfig(Map.of("project", List.of("ownerId")))),
					PluginSource.BUILT_IN);
		}
		this.deferred = new DeferredExecutor(1, 1);
		this.runtime = new PluginRuntime(builder.build(), HookObserver.NONE, this.deferred);
		MockHttpServletRequest servletRequest = new MockHttpServletRequest("GET", "/projects");
		servletRequest.addHeader("X-Tenant-Id", "acme");
		this.request = new ServletRequestContext(servletRequest, new MockHttpServletResponse());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.deferred.shutdown(java.time.Duration.ZERO);
	}

	@Benchmark
	public @Nullable Object afterRead() {
		return this.runtime.afterRead(this.project, "project", this.request);
	}

	@Benchmark
	public Object beforeUpdate() {
		return this.runtime.beforeWrite(WriteOp.UPDATE, this.edited, "project", this.request,
				EntityWrite.withPrevious(this.project));
	}

	/**
	 * A tenant-owned, soft-deletable entity with an immutable owner.
	 *
	 * @param id the id
	 * @param name the name
	 * @param tenantId the tenant
	 * @param deletedAt the deletion time
	 * @param ownerId the owner
	 */
	public record Project(Long id, String name, String tenantId, @Nullable Instant deletedAt, Long ownerId) {
	}

}
