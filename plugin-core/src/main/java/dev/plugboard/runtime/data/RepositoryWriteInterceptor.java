package dev.plugboard.runtime.data;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.context.request.RequestContextHolder;

import dev.plugboard.RequestContext;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.EntityWrite;
import dev.plugboard.runtime.PluginRuntime;

/**
 * Runs the write hooks around the write methods of one repository proxy: before-write, the
 * repository's own statement, after-write, all in one transaction.
 */
final class RepositoryWriteInterceptor implements MethodInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryWriteInterceptor.class);

	private final WriteHooksRepositoryFactoryCustomizer hooks;

	private final RepositoryInformation repository;

	private final EntityInformation<Object, Object> entity;

	private final Map<Method, WriteMethod> methods = new ConcurrentHashMap<>();

	private final Set<Method> warned = ConcurrentHashMap.newKeySet();

	private volatile @Nullable String aggregate;

	RepositoryWriteInterceptor(WriteHooksRepositoryFactoryCustomizer hooks, RepositoryInformation repository,
			EntityInformation<Object, Object> entity) {
		this.hooks = hooks;
		this.repository = repository;
		this.entity = entity;
		for (Method method : repository.getRepositoryInterface().getMethods()) {
			this.methods.put(method, WriteMethod.of(method, repository));
		}
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		WriteMethod kind = this.methods.get(method);
		if (kind == null) {
			kind = this.methods.computeIfAbsent(method, (key) -> WriteMethod.of(key, this.repository));
		}
		if (kind == WriteMethod.NONE) {
			return invocation.proceed();
		}
		PluginRuntime runtime = this.hooks.runtime();
		String aggregate = aggregate();
		if (!runtime.hasWriteHooks(aggregate)) {
			return invocation.proceed();
		}
		if (kind == WriteMethod.UNSUPPORTED) {
			warnOnce(method, aggregate);
			return invocation.proceed();
		}
		Write write = new Write(invocation, kind, runtime, aggregate, currentRequest());
		try {
			return this.hooks.transactions().execute(write::run);
		}
		catch (CheckedFailure ex) {
			throw ex.getCause();
		}
	}

	private String aggregate() {
		String aggregate = this.aggregate;
		if (aggregate == null) {
			aggregate = this.hooks.aggregateName(this.entity);
			this.aggregate = aggregate;
		}
		return aggregate;
	}

	private static @Nullable RequestContext currentRequest() {
		return (RequestContextHolder.getRequestAttributes() != null) ? PluginRuntime.currentRequest() : null;
	}

	private void warnOnce(Method method, String aggregate) {
		if (this.hooks.warnUnsupportedCalls() && this.warned.add(method) && logger.isWarnEnabled()) {
			logger.warn(
					"{}.{} ran without Plugboard write hooks for aggregate '{}': it cannot show its entities to them "
							+ "(logged once; set plugboard.unsupported-writes=ignore to silence)",
					this.repository.getRepositoryInterface().getName(), method.getName(), aggregate);
		}
	}

	private WriteOp saveOp(Object entity) {
		return this.entity.isNew(entity) ? WriteOp.INSERT : WriteOp.UPDATE;
	}

	private @Nullable Object idOf(Object entity) {
		return this.entity.getJavaType().isInstance(entity) ? this.entity.getId(entity) : null;
	}

	private static List<Object> listOf(@Nullable Object iterable) {
		List<Object> list = new ArrayList<>();
		if (iterable instanceof Iterable<?> items) {
			for (Object item : items) {
				list.add(item);
			}
		}
		return list;
	}

	/**
	 * One intercepted call, run inside the transaction.
	 */
	private final class Write {

		private final MethodInvocation invocation;

		private final WriteMethod kind;

		private final PluginRuntime runtime;

		private final String aggregate;

		private final @Nullable RequestContext request;

		private @Nullable TransactionStatus status;

		Write(MethodInvocation invocation, WriteMethod kind, PluginRuntime runtime, String aggregate,
				@Nullable RequestContext request) {
			this.invocation = invocation;
			this.kind = kind;
			this.runtime = runtime;
			this.aggregate = aggregate;
			this.request = request;
		}

		@Nullable Object run(TransactionStatus status) {
			this.status = status;
			try {
				return switch (this.kind) {
					case SAVE -> save();
					case SAVE_ALL -> saveAll();
					case DELETE -> delete();
					case DELETE_BY_ID -> deleteById();
					case DELETE_ALL -> deleteAllEntities();
					case DELETE_ALL_BY_ID -> deleteAllById();
					default -> proceed();
				};
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new CheckedFailure(ex);
			}
		}

		private @Nullable Object save() throws Throwable {
			Object entity = argument();
			if (entity == null || !RepositoryWriteInterceptor.this.entity.getJavaType().isInstance(entity)) {
				return proceed();
			}
			WriteOp op = saveOp(entity);
			EntityWrite state = state();
			while (true) {
				Object written = before(op, entity, state);
				this.invocation.getArguments()[0] = written;
				Object result;
				if (state.maxAttempts() > 1 && this.status != null) {
					Object savepoint = this.status.createSavepoint();
					try {
						result = ((ProxyMethodInvocation) this.invocation).invocableClone().proceed();
						this.status.releaseSavepoint(savepoint);
					}
					catch (RuntimeException ex) {
						if (!isDuplicateKey(ex) || !state.nextAttempt()) {
							throw ex;
						}
						this.status.rollbackToSavepoint(savepoint);
						logger.debug("Retrying a save of {} after a duplicate key (attempt {})", this.aggregate,
								state.attempt());
						entity = written;
						continue;
					}
				}
				else {
					result = proceed();
				}
				Object saved = (result != null) ? result : written;
				after(op, saved, state);
				return result;
			}
		}

		private static boolean isDuplicateKey(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof DuplicateKeyException) {
					return true;
				}
			}
			return false;
		}

		private @Nullable Object saveAll() throws Throwable {
			List<Object> entities = listOf(argument());
			if (entities.contains(null)) {
				return proceed();
			}
			List<WriteOp> ops = new ArrayList<>(entities.size());
			List<EntityWrite> states = new ArrayList<>(entities.size());
			for (int i = 0; i < entities.size(); i++) {
				Object entity = entities.get(i);
				WriteOp op = saveOp(entity);
				EntityWrite state = state();
				ops.add(op);
				states.add(state);
				entities.set(i, before(op, entity, state));
			}
			this.invocation.getArguments()[0] = entities;
			Object result = proceed();
			Iterator<?> saved = (result instanceof Iterable<?> iterable) ? iterable.iterator() : entities.iterator();
			for (int i = 0; i < ops.size() && saved.hasNext(); i++) {
				after(ops.get(i), saved.next(), states.get(i));
			}
			return result;
		}

		private @Nullable Object delete() throws Throwable {
			Object entity = argument();
			if (entity == null) {
				return proceed();
			}
			return deleteAll(List.of(entity));
		}

		private @Nullable Object deleteById() throws Throwable {
			Object id = argument();
			if (id == null) {
				return proceed();
			}
			Optional<?> found = crud().findById(id);
			return found.isPresent() ? deleteAll(List.of(found.get())) : proceed();
		}

		private @Nullable Object deleteAllEntities() throws Throwable {
			List<Object> entities = listOf(argument());
			return entities.contains(null) ? proceed() : deleteAll(entities);
		}

		private @Nullable Object deleteAllById() throws Throwable {
			List<Object> ids = listOf(argument());
			this.invocation.getArguments()[0] = ids;
			return deleteAll(listOf(crud().findAllById(ids)));
		}

		private @Nullable Object deleteAll(List<Object> entities) throws Throwable {
			List<EntityWrite> states = new ArrayList<>(entities.size());
			for (Object entity : entities) {
				EntityWrite state = state();
				states.add(state);
				before(WriteOp.DELETE, entity, state);
			}
			if (this.kind == WriteMethod.DELETE_ALL) {
				this.invocation.getArguments()[0] = entities;
			}
			Object result = proceed();
			for (int i = 0; i < entities.size(); i++) {
				after(WriteOp.DELETE, entities.get(i), states.get(i));
			}
			return result;
		}

		/**
		 * The state of one entity's write; its stored entity is loaded through the repository's
		 * target, so neither write nor read hooks run for that load.
		 */
		private EntityWrite state() {
			return new EntityWrite((entity) -> {
				Object id = (entity != null) ? idOf(entity) : null;
				return (id != null) ? crud().findById(id).orElse(null) : null;
			});
		}

		private Object before(WriteOp op, Object entity, EntityWrite state) {
			return this.runtime.beforeWrite(op, entity, this.aggregate, this.request, state);
		}

		private void after(WriteOp op, Object entity, EntityWrite state) {
			this.runtime.afterWrite(op, entity, idOf(entity), this.aggregate, this.request, state);
		}

		private @Nullable Object argument() {
			return this.invocation.getArguments()[0];
		}

		@SuppressWarnings("unchecked")
		private CrudRepository<Object, Object> crud() {
			return (CrudRepository<Object, Object>) this.invocation.getThis();
		}

		private @Nullable Object proceed() throws Throwable {
			return this.invocation.proceed();
		}

	}

	/**
	 * Carries a checked exception of the repository method through the transaction callback.
	 */
	private static final class CheckedFailure extends RuntimeException {

		CheckedFailure(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
