package dev.plugboard.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.AfterReadPlugin;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.OnError;
import dev.plugboard.Outbox;
import dev.plugboard.OutboxRecord;
import dev.plugboard.Plugin;
import dev.plugboard.PluginException;
import dev.plugboard.RequestContext;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.DeferredExecutor;
import dev.plugboard.runtime.EntityWrite;
import dev.plugboard.runtime.HookObserver;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.PluginSettings;
import dev.plugboard.runtime.PluginSource;
import dev.plugboard.runtime.ProblemResponses;
import dev.plugboard.runtime.RegisteredPlugin;
import dev.plugboard.runtime.ServletRequestContext;
import dev.plugboard.runtime.web.PluginRoutes;

/**
 * Drives one plugin's hooks in a plain JUnit test, without starting Spring. Use it to
 * unit-test a plugin you wrote: give it a fake request, an entity or a request for its
 * routes, and assert on what the plugin did.
 *
 * <p>
 * The harness calls the plugin through the same dispatcher as the running application, so
 * it behaves as production does: a {@link PluginException} is attributed to the plugin, a
 * fault (any other exception) becomes a {@link PluginFaultException} or is contained
 * according to the plugin's fault policy, {@link RequestContext#respond(int)} ends the
 * request, and the manifest's {@code entities} restriction applies. Deferred after-write
 * work is captured instead of run, so that the test decides when it runs.
 *
 * <pre class="code">
 * PluginHarness harness = PluginHarness.of(new ApiKeyPlugin("secret"));
 *
 * RequestResult result = harness.beforeRequest(TestRequest.get("/orders").header("X-Api-Key", "wrong"));
 * assertThat(result.status()).isEqualTo(401);
 * assertThat(result.rejection().plugin()).isEqualTo("api-key");
 * </pre>
 *
 * <p>
 * Immutable and thread-safe; the {@code with…} and {@link #during(TestRequest)} methods
 * return a new harness over the same plugin. Needs {@code spring-test} on the test
 * classpath.
 *
 * @since 0.1.0
 */
public final class PluginHarness {

	private static final String TABLE_ANNOTATION = "org.springframework.data.relational.core.mapping.Table";

	private final Plugin plugin;

	private final PluginSettings settings;

	private final @Nullable TestRequest request;

	private final RegisteredPlugin registered;

	private final PluginRuntime runtime;

	private @Nullable PluginRoutes routes;

	private @Nullable Object previous;

	private PluginHarness(Plugin plugin, PluginSettings settings, @Nullable TestRequest request,
			@Nullable PluginRegistry registry) {
		this.plugin = plugin;
		this.settings = settings;
		this.request = request;
		PluginRegistry resolved = (registry != null) ? registry : register(plugin, settings);
		this.registered = resolved.all().get(0);
		this.runtime = new PluginRuntime(resolved, HookObserver.NONE, new CapturingExecutor());
	}

	private static PluginRegistry register(Plugin plugin, PluginSettings settings) {
		Map<String, PluginSettings> manifest = PluginSettings.EMPTY.equals(settings) ? Map.of()
				: Map.of(plugin.id(), settings);
		return PluginRegistry.builder(manifest).add(plugin, PluginSource.APPLICATION).build();
	}

	/**
	 * A harness for a plugin, as if its manifest entry were empty.
	 * @param plugin the plugin under test
	 * @return the harness
	 * @throws dev.plugboard.runtime.ManifestException when the plugin's id is not
	 * kebab-case
	 */
	public static PluginHarness of(Plugin plugin) {
		return new PluginHarness(plugin, PluginSettings.EMPTY, null, null);
	}

	/**
	 * This harness with the manifest's {@code entities} key set: the write and read hooks
	 * then run only for these aggregate names.
	 * @param entities the aggregate names, such as {@code users}
	 * @return a new harness
	 */
	public PluginHarness withEntities(String... entities) {
		return new PluginHarness(this.plugin, new PluginSettings(this.settings.enabled(), this.settings.order(),
				Arrays.asList(entities), this.settings.onError()), this.request, null);
	}

	/**
	 * This harness with the manifest's {@code on-error} key set, deciding what a fault in
	 * the before-request or after-read hook does.
	 * @param onError the fault policy
	 * @return a new harness
	 */
	public PluginHarness withOnError(OnError onError) {
		return new PluginHarness(this.plugin,
				new PluginSettings(this.settings.enabled(), this.settings.order(), this.settings.entities(), onError),
				this.request, null);
	}

	/**
	 * This harness with its write and read hooks called during a request: the hooks see
	 * it through {@link dev.plugboard.EntityContext#request()}. Without it they see no
	 * request, as in a scheduled job.
	 * @param request the request during which the writes and reads happen
	 * @return a new harness
	 */
	public PluginHarness during(TestRequest request) {
		PluginHarness harness = new PluginHarness(this.plugin, this.settings, request, this.runtime.registry());
		harness.previous = this.previous;
		return harness;
	}

	/**
	 * Run the plugin's before-request hook on a request, as the servlet filter would. A
	 * rejection is answered with its problem body on the result's response; the result
	 * tells what the application and the client would see. To see what a plugin that
	 * wraps the response or registers completion callbacks does, write to
	 * {@link RequestResult#servletResponse()} as the application would, then call
	 * {@link RequestResult#complete()}.
	 * @param request the request
	 * @return what the hook did
	 * @throws PluginFaultException when the hook throws something other than a
	 * {@link PluginException} and the plugin fails closed; a fail-open fault is logged
	 * and counted in {@link #faults()} and the request passes
	 * @throws IllegalStateException when the plugin has no before-request hook
	 */
	public RequestResult beforeRequest(TestRequest request) {
		requireHook(BeforeRequestPlugin.class, "before-request");
		MockHttpServletRequest servletRequest = request.toServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletRequestContext context = new ServletRequestContext(servletRequest, response);
		RequestAttributes previous = bind(servletRequest, response);
		try {
			this.runtime.beforeRequest(context);
			return new RequestResult(context, response, null);
		}
		catch (PluginException ex) {
			answer(context.servletResponse(), ex, context.path());
			return new RequestResult(context, response, ex);
		}
		finally {
			RequestContextHolder.setRequestAttributes(previous);
		}
	}

	/**
	 * This harness with a stored entity: the write hooks see it through
	 * {@link dev.plugboard.BeforeWriteContext#previous()} (and, for after-write,
	 * {@link dev.plugboard.AfterWriteContext#previous()}) for UPDATE and DELETE. Without
	 * it they see none, as if no row had the id.
	 * @param stored the entity as stored before the write
	 * @return a new harness
	 */
	public PluginHarness withPrevious(Object stored) {
		PluginHarness harness = new PluginHarness(this.plugin, this.settings, this.request, this.runtime.registry());
		harness.previous = stored;
		return harness;
	}

	/**
	 * Run the plugin's before-write hook on an entity whose aggregate name is derived
	 * from its class, as Spring Data JDBC does by default: the {@code @Table} name when
	 * present, otherwise the snake-cased simple class name ({@code UserAccount} is
	 * {@code user_account}).
	 * @param <T> the entity type
	 * @param op the operation
	 * @param entity the entity, which the hook may mutate
	 * @return the entity as it would be written: the same instance, or a replacement the
	 * hook set
	 * @throws PluginException when the hook rejects the write, attributed to the plugin
	 * @throws PluginFaultException when the hook throws anything else
	 * @throws IllegalStateException when the plugin has no before-write hook
	 */
	public <T> T beforeWrite(WriteOp op, T entity) {
		return beforeWrite(op, aggregateOf(entity), entity);
	}

	/**
	 * Run the plugin's before-write hook on an entity of a named aggregate.
	 * @param <T> the entity type
	 * @param op the operation
	 * @param aggregate the aggregate (table) name, as the manifest's {@code entities} key
	 * names it
	 * @param entity the entity, which the hook may mutate
	 * @return the entity as it would be written: the same instance, or a replacement the
	 * hook set
	 * @throws PluginException when the hook rejects the write, attributed to the plugin
	 * @throws PluginFaultException when the hook throws anything else
	 * @throws IllegalStateException when the plugin has no before-write hook
	 */
	@SuppressWarnings("unchecked")
	public <T> T beforeWrite(WriteOp op, String aggregate, T entity) {
		requireHook(BeforeWritePlugin.class, "before-write");
		return withRequest((context) -> (T) this.runtime.beforeWrite(op, entity, aggregate, context,
				EntityWrite.withPrevious(this.previous)));
	}

	/**
	 * Run the plugin's before-write hook on an entity whose aggregate name is derived
	 * from its class, as for {@link #beforeWrite(WriteOp, Object)}, and report what the
	 * repository would do: write the entity, skip the statement, or save instead of
	 * delete.
	 * @param <T> the entity type
	 * @param op the operation
	 * @param entity the entity, which the hook may mutate
	 * @return the entity as it would be written, the operation and whether it is skipped
	 * @throws PluginException when the hook rejects the write, attributed to the plugin
	 * @throws PluginFaultException when the hook throws anything else
	 * @throws IllegalStateException when the plugin has no before-write hook
	 */
	public <T> BeforeWriteResult<T> beforeWriteResult(WriteOp op, T entity) {
		return beforeWriteResult(op, aggregateOf(entity), entity);
	}

	/**
	 * Run the plugin's before-write hook on an entity of a named aggregate, and report
	 * what the repository would do.
	 * @param <T> the entity type
	 * @param op the operation
	 * @param aggregate the aggregate (table) name
	 * @param entity the entity, which the hook may mutate
	 * @return the entity as it would be written, the operation and whether it is skipped
	 * @throws PluginException when the hook rejects the write, attributed to the plugin
	 * @throws PluginFaultException when the hook throws anything else
	 * @throws IllegalStateException when the plugin has no before-write hook
	 */
	@SuppressWarnings("unchecked")
	public <T> BeforeWriteResult<T> beforeWriteResult(WriteOp op, String aggregate, T entity) {
		requireHook(BeforeWritePlugin.class, "before-write");
		EntityWrite write = EntityWrite.withPrevious(this.previous);
		T written = withRequest((context) -> (T) this.runtime.beforeWrite(op, entity, aggregate, context, write));
		return new BeforeWriteResult<>(written, write.savesInstead() ? WriteOp.UPDATE : op, write.skipped());
	}

	/**
	 * Run the plugin's after-write hook on a written entity whose aggregate name is
	 * derived from its class, as for {@link #beforeWrite(WriteOp, Object)}.
	 * @param op the operation
	 * @param entity the entity as saved
	 * @param id the entity's id, such as one the database generated
	 * @return the deferred work, not yet run, the outbox records it enqueued, and whether
	 * the hook faulted
	 * @throws IllegalStateException when the plugin has no after-write hook
	 */
	public AfterWriteResult afterWrite(WriteOp op, Object entity, @Nullable Object id) {
		return afterWrite(op, aggregateOf(entity), entity, id);
	}

	/**
	 * Run the plugin's after-write hook on a written entity of a named aggregate. As in
	 * production, a fault is logged and contained (see
	 * {@link AfterWriteResult#faulted()}), except a database error, which is thrown.
	 * @param op the operation
	 * @param aggregate the aggregate (table) name
	 * @param entity the entity as saved
	 * @param id the entity's id
	 * @return the deferred work, not yet run, the outbox records it enqueued, and whether
	 * the hook faulted
	 * @throws PluginFaultException when the hook failed with a database error
	 * @throws IllegalStateException when the plugin has no after-write hook
	 */
	public AfterWriteResult afterWrite(WriteOp op, String aggregate, Object entity, @Nullable Object id) {
		requireHook(AfterWritePlugin.class, "after-write");
		CapturingExecutor executor = new CapturingExecutor();
		CapturingOutbox outbox = new CapturingOutbox();
		PluginRuntime runtime = new PluginRuntime(this.runtime.registry(), HookObserver.NONE, executor, outbox);
		long faultsBefore = this.registered.faults();
		@Nullable List<TransactionSynchronization> suspended = suspendSynchronizations();
		try {
			this.<@Nullable Void>withRequest((context) -> {
				runtime.afterWrite(op, entity, id, aggregate, context, EntityWrite.withPrevious(this.previous));
				return null;
			});
		}
		finally {
			resumeSynchronizations(suspended);
		}
		return new AfterWriteResult(executor.tasks, outbox.records, this.registered.faults() > faultsBefore);
	}

	/**
	 * Run the plugin's after-read hook on an entity a repository read returns, whose
	 * aggregate name is derived from its class, as for
	 * {@link #beforeWrite(WriteOp, Object)}.
	 * @param <T> the entity type
	 * @param entity the entity as read
	 * @return the entity as the caller would get it: the same instance, a replacement the
	 * hook set, or {@code null} when the hook hid it
	 * @throws PluginException when the hook rejects the read, attributed to the plugin
	 * @throws PluginFaultException when the hook throws anything else and the plugin
	 * fails closed; a fail-open fault is logged and counted in {@link #faults()}, and the
	 * entity is returned as it was before the hook
	 * @throws IllegalStateException when the plugin has no after-read hook
	 */
	public <T> @Nullable T afterRead(T entity) {
		return afterRead(aggregateOf(entity), entity);
	}

	/**
	 * Run the plugin's after-read hook on an entity of a named aggregate.
	 * @param <T> the entity type
	 * @param aggregate the aggregate (table) name, as the manifest's {@code entities} key
	 * names it
	 * @param entity the entity as read
	 * @return the entity as the caller would get it: the same instance, a replacement the
	 * hook set, or {@code null} when the hook hid it
	 * @throws PluginException when the hook rejects the read, attributed to the plugin
	 * @throws PluginFaultException when the hook throws anything else and the plugin
	 * fails closed
	 * @throws IllegalStateException when the plugin has no after-read hook
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T afterRead(String aggregate, T entity) {
		requireHook(AfterReadPlugin.class, "after-read");
		return this.<@Nullable T>withRequest((context) -> (T) this.runtime.afterRead(entity, aggregate, context));
	}

	/**
	 * Serve a request with the plugin's routes, as Spring MVC would, and write the answer
	 * with the message converters found on the classpath (JSON when Jackson is present).
	 * A rejection thrown by the handler is answered with its problem body, attributed to
	 * the plugin.
	 * @param request the request
	 * @return the answer, or a 404 that says no route matched
	 * @throws PluginFaultException when the handler throws something other than a
	 * {@link PluginException} or an exception Spring MVC answers itself
	 * @throws IllegalStateException when the plugin has no routes hook, or a handler
	 * renders a view
	 */
	public RouteResult route(TestRequest request) {
		requireHook(RoutesPlugin.class, "routes");
		MockHttpServletRequest servletRequest = request.toServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletRequestContext context = new ServletRequestContext(servletRequest, response);
		RequestAttributes previous = bind(servletRequest, response);
		try {
			List<HttpMessageConverter<?>> converters = new ArrayList<>();
			HttpMessageConverters.forServer().registerDefaults().build().forEach(converters::add);
			ServerRequest serverRequest = ServerRequest.create(servletRequest, converters);
			Optional<HandlerFunction<ServerResponse>> handler = routes().route(serverRequest);
			if (handler.isEmpty()) {
				response.setStatus(404);
				return new RouteResult(false, response, null);
			}
			try {
				ServerResponse answer = handler.get().handle(serverRequest);
				ModelAndView view = answer.writeTo(servletRequest, response, () -> converters);
				if (view != null) {
					throw new IllegalStateException("Route of plugin '" + this.registered.id() + "' rendered view "
							+ view.getViewName() + "; the harness writes bodies only");
				}
				return new RouteResult(true, response, null);
			}
			catch (PluginException ex) {
				answer(response, ex, context.path());
				return new RouteResult(true, response, ex);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Route of plugin '" + this.registered.id() + "' failed", ex);
			}
		}
		finally {
			RequestContextHolder.setRequestAttributes(previous);
		}
	}

	private synchronized PluginRoutes routes() {
		if (this.routes == null) {
			this.routes = new PluginRoutes(this.runtime);
		}
		return this.routes;
	}

	/**
	 * How many faults the plugin's hooks raised through this harness and the harnesses
	 * derived from it with {@link #during(TestRequest)}, as the actuator endpoint would
	 * report them.
	 * @return the fault count
	 */
	public long faults() {
		return this.registered.faults();
	}

	private void requireHook(Class<? extends Plugin> hook, String name) {
		if (!hook.isInstance(this.plugin)) {
			throw new IllegalStateException("Plugin '" + this.plugin.id() + "' (" + this.plugin.getClass().getName()
					+ ") has no " + name + " hook: it does not implement " + hook.getSimpleName());
		}
	}

	private <R extends @Nullable Object> R withRequest(RequestCall<R> call) {
		if (this.request == null) {
			return call.call(null);
		}
		MockHttpServletRequest servletRequest = this.request.toServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletRequestContext context = new ServletRequestContext(servletRequest, response);
		RequestAttributes previous = bind(servletRequest, response);
		try {
			return call.call(context);
		}
		finally {
			RequestContextHolder.setRequestAttributes(previous);
		}
	}

	private static @Nullable RequestAttributes bind(MockHttpServletRequest request, MockHttpServletResponse response) {
		RequestAttributes previous = RequestContextHolder.getRequestAttributes();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
		return previous;
	}

	private static void answer(HttpServletResponse response, PluginException rejection, String path) {
		try {
			ProblemResponses.write(response, rejection, path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Make {@code defer} hand tasks straight to the executor, as it does outside a
	 * transaction, even when the test itself runs in one.
	 * @return the synchronizations to restore, or {@code null} when none was active
	 */
	private static @Nullable List<TransactionSynchronization> suspendSynchronizations() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		List<TransactionSynchronization> suspended = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		return suspended;
	}

	private static void resumeSynchronizations(@Nullable List<TransactionSynchronization> suspended) {
		if (suspended != null) {
			TransactionSynchronizationManager.initSynchronization();
			suspended.forEach(TransactionSynchronizationManager::registerSynchronization);
		}
	}

	static String aggregateOf(Object entity) {
		Class<?> type = entity.getClass();
		MergedAnnotation<?> table = MergedAnnotations.from(type).get(TABLE_ANNOTATION);
		if (table.isPresent()) {
			String name = table.getString("value");
			if (StringUtils.hasText(name)) {
				return name;
			}
		}
		return snakeCase(type.getSimpleName());
	}

	private static String snakeCase(String name) {
		StringBuilder snake = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					snake.append('_');
				}
				snake.append(Character.toLowerCase(c));
			}
			else {
				snake.append(c);
			}
		}
		return snake.toString();
	}

	@Override
	public String toString() {
		return "PluginHarness[" + this.registered + ((this.request != null) ? ", during " + this.request : "") + "]";
	}

	@FunctionalInterface
	private interface RequestCall<R extends @Nullable Object> {

		R call(@Nullable RequestContext context);

	}

	/**
	 * Keeps what a hook enqueues instead of writing it to a table: the record as its
	 * plugin would receive it on the first attempt. Any topic is accepted, since the
	 * plugin that delivers it need not be the one under test.
	 */
	private static final class CapturingOutbox implements Outbox {

		private final List<OutboxRecord> records = new ArrayList<>();

		@Override
		public String enqueue(String topic, String payload) {
			if (topic == null || payload == null) {
				throw new IllegalArgumentException("An outbox topic and payload must not be null");
			}
			String id = UUID.randomUUID().toString();
			this.records.add(new OutboxRecord(id, topic, payload, 1, Instant.now()));
			return id;
		}

	}

	/**
	 * Keeps deferred tasks for the test to run instead of running them on a worker
	 * thread. No worker thread is ever started.
	 */
	private static final class CapturingExecutor extends DeferredExecutor {

		private final List<Runnable> tasks = new ArrayList<>();

		CapturingExecutor() {
			super(1, 1);
		}

		@Override
		public boolean submit(String pluginId, Runnable task) {
			this.tasks.add(task);
			return true;
		}

	}

}
