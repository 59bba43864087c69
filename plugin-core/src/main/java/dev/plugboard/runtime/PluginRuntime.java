package dev.plugboard.runtime;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.EntityContext;
import dev.plugboard.OnError;
import dev.plugboard.Outbox;
import dev.plugboard.PluginException;
import dev.plugboard.RequestContext;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.HookObserver.Outcome;

/**
 * Dispatches hooks to the enabled plugins in order, with the fault policy of the design:
 * a {@link PluginException} is attributed to its plugin and propagated; any other
 * exception is a fault, logged once and counted, then contained or turned into a
 * {@link PluginFaultException}.
 *
 * <p>
 * The per-hook arrays are computed once; dispatching through no-op plugins allocates
 * nothing. Thread-safe.
 */
public final class PluginRuntime {

	private static final Logger logger = LoggerFactory.getLogger(PluginRuntime.class);

	private static final RegisteredPlugin[] NONE = {};

	private final PluginRegistry registry;

	private final HookObserver observer;

	private final int sampleMask;

	private final DeferredExecutor deferred;

	private final @Nullable Outbox outbox;

	private final RegisteredPlugin[] beforeRequest;

	private final BeforeRequestPlugin[] beforeRequestHooks;

	private final RegisteredPlugin[] beforeWrite;

	private final RegisteredPlugin[] afterWrite;

	private final RegisteredPlugin[] afterRead;

	private final Map<String, Chains> chainsByAggregate = new ConcurrentHashMap<>();

	/**
	 * Create a runtime.
	 * @param registry the resolved plugins
	 * @param observer where timings and outcomes go
	 * @param deferred the executor for deferred after-write work
	 */
	public PluginRuntime(PluginRegistry registry, HookObserver observer, DeferredExecutor deferred) {
		this(registry, observer, deferred, null);
	}

	/**
	 * Create a runtime whose after-write hooks can enqueue to an outbox.
	 * @param registry the resolved plugins
	 * @param observer where timings and outcomes go
	 * @param deferred the executor for deferred after-write work
	 * @param outbox the durable outbox, or {@code null} when no enabled plugin delivers
	 * outbox records
	 */
	public PluginRuntime(PluginRegistry registry, HookObserver observer, DeferredExecutor deferred,
			@Nullable Outbox outbox) {
		this.outbox = outbox;
		this.registry = registry;
		this.observer = observer;
		int interval = observer.sampleInterval();
		if (interval != 0 && Integer.bitCount(interval) != 1) {
			throw new IllegalArgumentException("Sample interval must be a power of two, was " + interval);
		}
		this.sampleMask = interval - 1;
		this.deferred = deferred;
		this.beforeRequest = withHook(registry, Hook.BEFORE_REQUEST);
		this.beforeRequestHooks = new BeforeRequestPlugin[this.beforeRequest.length];
		for (int i = 0; i < this.beforeRequest.length; i++) {
			this.beforeRequestHooks[i] = (BeforeRequestPlugin) this.beforeRequest[i].plugin();
		}
		this.beforeWrite = withHook(registry, Hook.BEFORE_WRITE);
		this.afterWrite = withHook(registry, Hook.AFTER_WRITE);
		this.afterRead = withHook(registry, Hook.AFTER_READ);
	}

	private static RegisteredPlugin[] withHook(PluginRegistry registry, Hook hook) {
		return registry.enabled()
			.stream()
			.filter((plugin) -> plugin.hooks().contains(hook))
			.toArray(RegisteredPlugin[]::new);
	}

	public PluginRegistry registry() {
		return this.registry;
	}

	public DeferredExecutor deferred() {
		return this.deferred;
	}

	public @Nullable Outbox outbox() {
		return this.outbox;
	}

	/**
	 * Whether any enabled plugin has a before-request hook.
	 * @return whether the filter has work to do
	 */
	public boolean hasBeforeRequestHooks() {
		return this.beforeRequest.length > 0;
	}

	/**
	 * Whether any enabled plugin has a write hook.
	 * @return whether the repository interceptor has work to do
	 */
	public boolean hasWriteHooks() {
		return this.beforeWrite.length > 0 || this.afterWrite.length > 0;
	}

	/**
	 * Whether any enabled plugin has a write hook that applies to an aggregate, after the
	 * manifest's {@code entities} restriction.
	 * @param aggregate the aggregate name
	 * @return whether a write of that aggregate has hooks to run
	 */
	public boolean hasWriteHooks(String aggregate) {
		Chains chains = chains(aggregate);
		return chains.beforeWrite.length > 0 || chains.afterWrite.length > 0;
	}

	/**
	 * Whether any enabled plugin has an after-read hook that applies to an aggregate,
	 * after the manifest's {@code entities} restriction.
	 * @param aggregate the aggregate name
	 * @return whether the results of a read of that aggregate have hooks to run
	 */
	public boolean hasReadHooks(String aggregate) {
		return chains(aggregate).afterRead.length > 0;
	}

	/**
	 * The routes of the enabled route plugins, in order.
	 * @return the plugins
	 */
	public List<RegisteredPlugin> routePlugins() {
		return this.registry.enabled().stream().filter((plugin) -> plugin.plugin() instanceof RoutesPlugin).toList();
	}

	/**
	 * Run the before-request hooks until one answers the request.
	 * @param request the request
	 * @throws PluginException when a plugin rejects, attributed to it
	 * @throws PluginFaultException when a fail-closed plugin faults
	 */
	public void beforeRequest(RequestContext request) {
		if (this.sampleMask >= 0 && (ThreadLocalRandom.current().nextInt() & this.sampleMask) == 0) {
			beforeRequestTimed(request);
			return;
		}
		BeforeRequestPlugin[] hooks = this.beforeRequestHooks;
		for (int i = 0; i < hooks.length; i++) {
			try {
				hooks[i].beforeRequest(request);
			}
			catch (RuntimeException ex) {
				requestFailure(this.beforeRequest[i], request, ex);
			}
			if (request.responded()) {
				return;
			}
		}
	}

	private void beforeRequestTimed(RequestContext request) {
		for (int i = 0; i < this.beforeRequestHooks.length; i++) {
			RegisteredPlugin plugin = this.beforeRequest[i];
			long start = System.nanoTime();
			try {
				this.beforeRequestHooks[i].beforeRequest(request);
				this.observer.timed(plugin, Hook.BEFORE_REQUEST, Outcome.SUCCESS, System.nanoTime() - start);
			}
			catch (RuntimeException ex) {
				this.observer.timed(plugin, Hook.BEFORE_REQUEST,
						(ex instanceof PluginException) ? Outcome.REJECTED : Outcome.FAULT, System.nanoTime() - start);
				requestFailure(plugin, request, ex);
			}
			if (request.responded()) {
				return;
			}
		}
	}

	private void requestFailure(RegisteredPlugin plugin, RequestContext request, RuntimeException ex) {
		if (ex instanceof PluginException rejection) {
			this.observer.outcome(plugin, Hook.BEFORE_REQUEST, Outcome.REJECTED);
			throw rejection.attributeTo(plugin.id());
		}
		PluginFaultException fault = fault(plugin, Hook.BEFORE_REQUEST, request.requestId(), ex);
		if (plugin.onError() == OnError.FAIL_CLOSED) {
			throw fault;
		}
	}

	/**
	 * Classify an exception thrown by a route plugin's handler function, the way hook
	 * failures are classified: a rejection is attributed to the plugin and counted; a
	 * fault already raised by another hook is returned as is; anything else is a fault of
	 * this plugin, logged once with the plugin id and counted.
	 * @param plugin the route plugin whose handler threw
	 * @param request the current request, if known, for the correlation id
	 * @param ex what the handler threw
	 * @return the exception to propagate: the attributed rejection or a
	 * {@link PluginFaultException}
	 */
	public RuntimeException routeFailure(RegisteredPlugin plugin, @Nullable RequestContext request,
			RuntimeException ex) {
		if (ex instanceof PluginException rejection) {
			this.observer.outcome(plugin, Hook.ROUTES, Outcome.REJECTED);
			return rejection.attributeTo(plugin.id());
		}
		if (ex instanceof PluginFaultException fault) {
			return fault;
		}
		return fault(plugin, Hook.ROUTES, correlationId(request), ex);
	}

	/**
	 * Run the before-write hooks that apply to an aggregate on one entity.
	 * @param op the operation
	 * @param entity the entity
	 * @param aggregate the aggregate name
	 * @param request the current request, if any
	 * @return the entity to write: the same one, or a replacement set by a hook
	 * @throws PluginException when a plugin rejects the write
	 * @throws PluginFaultException when a plugin faults; the write must not happen
	 */
	public Object beforeWrite(WriteOp op, Object entity, String aggregate, @Nullable RequestContext request) {
		return beforeWrite(op, entity, aggregate, request, new EntityWrite(null));
	}

	/**
	 * Run the before-write hooks that apply to an aggregate on one entity, sharing state
	 * with the after-write hooks of the same write.
	 * @param op the operation
	 * @param entity the entity
	 * @param aggregate the aggregate name
	 * @param request the current request, if any
	 * @param write the state of this entity's write: how to load the stored entity, the
	 * attempt
	 * @return the entity to write: the same one, or a replacement set by a hook
	 * @throws PluginException when a plugin rejects the write
	 * @throws PluginFaultException when a plugin faults; the write must not happen
	 */
	public Object beforeWrite(WriteOp op, Object entity, String aggregate, @Nullable RequestContext request,
			EntityWrite write) {
		RegisteredPlugin[] plugins = chains(aggregate).beforeWrite;
		if (plugins.length == 0) {
			return entity;
		}
		WriteCall call = new WriteCall(op, entity, aggregate, request, null, write, false);
		boolean timed = sampled();
		for (RegisteredPlugin plugin : plugins) {
			call.current = plugin;
			long start = timed ? System.nanoTime() : 0;
			try {
				((BeforeWritePlugin) plugin.plugin()).beforeWrite(call);
				if (timed) {
					this.observer.timed(plugin, Hook.BEFORE_WRITE, Outcome.SUCCESS, System.nanoTime() - start);
				}
			}
			catch (PluginException ex) {
				this.observer.outcome(plugin, Hook.BEFORE_WRITE, Outcome.REJECTED);
				throw ex.attributeTo(plugin.id());
			}
			catch (RuntimeException ex) {
				throw fault(plugin, Hook.BEFORE_WRITE, correlationId(request), ex);
			}
		}
		return call.entity;
	}

	/**
	 * Run the after-write hooks that apply to an aggregate on one written entity. Faults
	 * are contained, except database errors, which must abort the transaction.
	 * @param op the operation
	 * @param entity the entity as saved
	 * @param id the entity's id
	 * @param aggregate the aggregate name
	 * @param request the current request, if any
	 * @throws PluginFaultException when a hook's database work failed
	 */
	public void afterWrite(WriteOp op, Object entity, @Nullable Object id, String aggregate,
			@Nullable RequestContext request) {
		afterWrite(op, entity, id, aggregate, request, new EntityWrite(null));
	}

	/**
	 * Run the after-write hooks that apply to an aggregate on one written entity, with
	 * the state its before-write hooks left (the stored entity, if one of them loaded
	 * it).
	 * @param op the operation
	 * @param entity the entity as saved
	 * @param id the entity's id
	 * @param aggregate the aggregate name
	 * @param request the current request, if any
	 * @param write the state of this entity's write
	 * @throws PluginFaultException when a hook's database work failed
	 */
	public void afterWrite(WriteOp op, Object entity, @Nullable Object id, String aggregate,
			@Nullable RequestContext request, EntityWrite write) {
		RegisteredPlugin[] plugins = chains(aggregate).afterWrite;
		if (plugins.length == 0) {
			return;
		}
		WriteCall call = new WriteCall(op, entity, aggregate, request, id, write, true);
		boolean timed = sampled();
		for (RegisteredPlugin plugin : plugins) {
			call.current = plugin;
			long start = timed ? System.nanoTime() : 0;
			try {
				((AfterWritePlugin) plugin.plugin()).afterWrite(call);
				if (timed) {
					this.observer.timed(plugin, Hook.AFTER_WRITE, Outcome.SUCCESS, System.nanoTime() - start);
				}
			}
			catch (RuntimeException ex) {
				PluginFaultException fault = fault(plugin, Hook.AFTER_WRITE, correlationId(request), ex);
				if (isDatabaseError(ex)) {
					throw fault;
				}
			}
		}
	}

	/**
	 * Run the after-read hooks that apply to an aggregate on one entity a read returns,
	 * until one hides it. A fault is logged and counted, then follows the plugin's
	 * on-error: fail-closed fails the read; fail-open goes on with the entity as it was
	 * before that plugin. Allocates one context when hooks apply, nothing otherwise.
	 * @param entity the entity as read
	 * @param aggregate the aggregate name
	 * @param request the current request, if any
	 * @return the entity to return: the same one, a replacement set by a hook, or
	 * {@code null} when a hook hid it
	 * @throws PluginException when a plugin rejects the read, attributed to it
	 * @throws PluginFaultException when a fail-closed plugin faults
	 */
	public @Nullable Object afterRead(Object entity, String aggregate, @Nullable RequestContext request) {
		RegisteredPlugin[] plugins = chains(aggregate).afterRead;
		if (plugins.length == 0) {
			return entity;
		}
		ReadCall call = new ReadCall(entity, aggregate, request);
		boolean timed = sampled();
		for (RegisteredPlugin plugin : plugins) {
			Object before = call.entity;
			long start = timed ? System.nanoTime() : 0;
			try {
				((AfterReadPlugin) plugin.plugin()).afterRead(call);
				if (timed) {
					this.observer.timed(plugin, Hook.AFTER_READ, Outcome.SUCCESS, System.nanoTime() - start);
				}
			}
			catch (PluginException ex) {
				this.observer.outcome(plugin, Hook.AFTER_READ, Outcome.REJECTED);
				throw ex.attributeTo(plugin.id());
			}
			catch (RuntimeException ex) {
				PluginFaultException fault = fault(plugin, Hook.AFTER_READ, correlationId(request), ex);
				if (plugin.onError() == OnError.FAIL_CLOSED) {
					throw fault;
				}
				call.entity = before;
				call.hidden = false;
			}
			if (call.hidden) {
				return null;
			}
		}
		return call.entity;
	}

	private boolean sampled() {
		return this.sampleMask >= 0 && (ThreadLocalRandom.current().nextInt() & this.sampleMask) == 0;
	}

	private static boolean isDatabaseError(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	private PluginFaultException fault(RegisteredPlugin plugin, Hook hook, String correlationId, Throwable ex) {
		plugin.recordFault();
		this.observer.outcome(plugin, hook, Outcome.FAULT);
		PluginFaultException fault = new PluginFaultException(plugin.id(), hook, correlationId, ex);
		logger.error("Plugin '{}' failed in its {} hook (correlation id {})", plugin.id(), hook.tag(), correlationId,
				ex);
		return fault;
	}

	private static String correlationId(@Nullable RequestContext request) {
		return (request != null) ? request.requestId() : UUID.randomUUID().toString();
	}

	private Chains chains(String aggregate) {
		Chains chains = this.chainsByAggregate.get(aggregate);
		if (chains == null) {
			chains = this.chainsByAggregate.computeIfAbsent(aggregate,
					(name) -> new Chains(applying(this.beforeWrite, name), applying(this.afterWrite, name),
							applying(this.afterRead, name)));
		}
		return chains;
	}

	private static RegisteredPlugin[] applying(RegisteredPlugin[] plugins, String aggregate) {
		List<RegisteredPlugin> applying = new ArrayList<>(plugins.length);
		for (RegisteredPlugin plugin : plugins) {
			if (plugin.appliesTo(aggregate)) {
				applying.add(plugin);
			}
		}
		return applying.isEmpty() ? NONE : applying.toArray(RegisteredPlugin[]::new);
	}

	/**
	 * The request bound to the current thread by Spring MVC, if any.
	 * @return the request context, or {@code null} outside a request
	 */
	public static @Nullable RequestContext currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return ServletRequestContext.of(servlet.getRequest(), servlet.getResponse());
		}
		return null;
	}

	private record Chains(RegisteredPlugin[] beforeWrite, RegisteredPlugin[] afterWrite, RegisteredPlugin[] afterRead) {
	}

	/**
	 * What every hook context shares: the entity, its aggregate and request, and property
	 * access by name.
	 */
	private abstract static class EntityCall implements EntityContext {

		Object entity;

		final Class<?> entityType;

		private final String aggregate;

		private final @Nullable RequestContext request;

		EntityCall(Object entity, String aggregate, @Nullable RequestContext request) {
			this.entity = entity;
			this.entityType = entity.getClass();
			this.aggregate = aggregate;
			this.request = request;
		}

		@Override
		public Object entity() {
			return this.entity;
		}

		@Override
		public String aggregate() {
			return this.aggregate;
		}

		@Override
		public @Nullable RequestContext request() {
			return this.request;
		}

		@Override
		public boolean has(String property) {
			return EntityProperties.type(this.entityType, property) != null;
		}

		@Override
		public @Nullable Class<?> propertyType(String property) {
			return EntityProperties.type(this.entityType, property);
		}

		@Override
		public @Nullable Object get(String property) {
			return EntityProperties.get(this.entity, property);
		}

	}

	private final class WriteCall extends EntityCall implements BeforeWriteContext, AfterWriteContext {

		private WriteOp op;

		private final @Nullable Object id;

		private final EntityWrite write;

		private final boolean afterWrite;

		private @Nullable RegisteredPlugin current;

		WriteCall(WriteOp op, Object entity, String aggregate, @Nullable RequestContext request, @Nullable Object id,
				EntityWrite write, boolean afterWrite) {
			super(entity, aggregate, request);
			this.op = op;
			this.id = id;
			this.write = write;
			this.afterWrite = afterWrite;
		}

		@Override
		public void set(String property, @Nullable Object value) {
			if (this.op == WriteOp.DELETE) {
				throw new IllegalArgumentException("The entity of a DELETE cannot be changed");
			}
			this.entity = EntityProperties.set(this.entity, property, value);
		}

		@Override
		public @Nullable Object previous() {
			if (this.op == WriteOp.INSERT) {
				return null;
			}
			return this.afterWrite ? this.write.loadedPrevious() : this.write.loadPrevious(this.entity);
		}

		@Override
		public int attempt() {
			return this.write.attempt();
		}

		@Override
		public void retryOnDuplicateKey(int maxAttempts) {
			this.write.requestAttempts(maxAttempts);
		}

		@Override
		public WriteOp op() {
			return this.op;
		}

		@Override
		public void skip() {
			this.write.skip();
		}

		@Override
		public boolean skipped() {
			return this.write.skipped();
		}

		@Override
		public void saveInstead(Object entity) {
			if (this.afterWrite || this.op != WriteOp.DELETE) {
				throw new IllegalStateException(
						"Only a DELETE in a before-write hook can be turned into a save, this is "
								+ (this.afterWrite ? "an after-write hook" : "a " + this.op));
			}
			if (!this.entityType.isInstance(entity)) {
				throw new IllegalArgumentException(
						"Replacement must be a " + this.entityType.getName() + ", was " + entity.getClass().getName());
			}
			this.entity = entity;
			this.op = WriteOp.UPDATE;
			this.write.saveInstead();
		}

		@Override
		public void setEntity(Object entity) {
			if (this.op == WriteOp.DELETE) {
				throw new IllegalArgumentException("The entity of a DELETE cannot be replaced");
			}
			if (!this.entityType.isInstance(entity)) {
				throw new IllegalArgumentException(
						"Replacement must be a " + this.entityType.getName() + ", was " + entity.getClass().getName());
			}
			this.entity = entity;
		}

		@Override
		public @Nullable Object id() {
			return this.id;
		}

		@Override
		public void defer(Runnable task) {
			RegisteredPlugin plugin = this.current;
			String pluginId = (plugin != null) ? plugin.id() : "unknown";
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						PluginRuntime.this.deferred.submit(pluginId, task);
					}
				});
			}
			else {
				PluginRuntime.this.deferred.submit(pluginId, task);
			}
		}

		@Override
		public Outbox outbox() {
			Outbox outbox = PluginRuntime.this.outbox;
			if (outbox == null) {
				throw new IllegalStateException("There is no outbox: no enabled plugin implements OutboxPlugin, so "
						+ "nothing would deliver the record. Enable the plugin that delivers it (webhooks, email, or "
						+ "your own OutboxPlugin).");
			}
			return outbox;
		}

	}

	private static final class ReadCall extends EntityCall implements AfterReadContext {

		private boolean hidden;

		ReadCall(Object entity, String aggregate, @Nullable RequestContext request) {
			super(entity, aggregate, request);
		}

		@Override
		public void hide() {
			this.hidden = true;
		}

		@Override
		public void setEntity(Object entity) {
			if (this.hidden) {
				throw new IllegalStateException("A hidden entity cannot be replaced");
			}
			if (!this.entityType.isInstance(entity)) {
				throw new IllegalArgumentException("Replacement must be a " + this.entityType.getName() + ", was "
						+ ((entity != null) ? entity.getClass().getName() : "null"));
			}
			this.entity = entity;
		}

	}

}
