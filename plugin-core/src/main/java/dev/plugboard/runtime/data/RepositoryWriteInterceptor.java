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
 * Runs the hooks of one repository proxy: around its write methods, before-write, the
 * repository's own statement and after-write, all in one transaction; on the results of
 * its other methods that return entities, the after-read hooks, without a transaction.
 * Each method is classified once; a method whose aggregate has no hooks goes straight
 * through.
 */
final class RepositoryWriteInterceptor implements MethodInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryWriteInterceptor.class);

	private final WriteHooksRepositoryFactoryCustomizer hooks;

	private final RepositoryInformation repository;

	private final EntityInformation<Object, Object> entity;

	private final Map<Method, Kind> methods = new ConcurrentHashMap<>();

	private final Set<Method> warned = ConcurrentHashMap.newKeySet();

	private volatile @Nullable String aggregate;

	private volatile @Nullable Boolean readHooks;

	RepositoryWriteInterceptor(WriteHooksRepositoryFactoryCustomizer hooks, RepositoryInformation repository,
			EntityInformation<Object, Object> entity) {
		this.hooks = hooks;
		this.repository = repository;
		this.entity = entity;
		for (Method method : repository.getRepositoryInterface().getMethods()) {
			this.methods.put(method, Kind.of(method, repository));
		}
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Kind classified = this.methods.get(method);
		if (classified == null) {
			classified = this.methods.computeIfAbsent(method, (key) -> Kind.of(key, this.repository));
		}
		if (classified.read() != ReadMethod.NONE) {
			return read(invocation, classified.read());
		}
		WriteMethod kind = classified.write();
		if (kind == WriteMethod.NONE) {
			return invocation.proceed();
		}
		PluginRuntime runtime = this.hooks.runtime();
		String aggregate = aggregate();
		if (!runtime.hasWriteHooks(aggregate) && !(loadsById(kind) && runtime.hasReadHooks(aggregate))) {
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

	/**
	 * Run the after-read hooks on the result of a read, unless none applies to the
	 * aggregate; that answer is the runtime's for good, so it is asked once.
	 */
	private @Nullable Object read(MethodInvocation invocation, ReadMethod kind) throws Throwable {
		Boolean readHooks = this.readHooks;
		if (Boolean.FALSE.equals(readHooks)) {
			return invocation.proceed();
		}
		PluginRuntime runtime = this.hooks.runtime();
		String aggregate = aggregate();
		if (readHooks == null) {
			readHooks = runtime.hasReadHooks(aggregate);
			this.readHooks = readHooks;
			if (!readHooks) {
				return invocation.proceed();
			}
		}
		if (kind == ReadMethod.UNSUPPORTED) {
			throw new UnsupportedOperationException(this.repository.getRepositoryInterface().getName() + "."
					+ invocation.getMethod().getName() + " returns '" + aggregate + "' entities as "
					+ invocation.getMethod().getGenericReturnType().getTypeName()
					+ ", which Plugboard's after-read hooks cannot filter, so it is refused while they apply. Return "
					+ "the entity, Optional, List, Set, Collection, Iterable, Stream, Streamable, Page, Slice or "
					+ "Window instead, or restrict the after-read plugins with their manifest 'entities' key.");
		}
		Object result = invocation.proceed();
		return new ReadFilter(runtime, aggregate, this.entity.getJavaType(), currentRequest()).apply(kind, result);
	}

	private static boolean loadsById(WriteMethod kind) {
		return kind == WriteMethod.DELETE_BY_ID || kind == WriteMethod.DELETE_ALL_BY_ID;
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
				if (state.skipped()) {
					return written;
				}
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
			List<Object> toSave = new ArrayList<>(entities.size());
			for (int i = 0; i < entities.size(); i++) {
				Object entity = entities.get(i);
				WriteOp op = saveOp(entity);
				EntityWrite state = state();
				ops.add(op);
				states.add(state);
				Object written = before(op, entity, state);
				entities.set(i, written);
				if (!state.skipped()) {
					toSave.add(written);
				}
			}
			if (toSave.size() < entities.size()) {
				return saveAllButSkipped(entities, toSave, ops, states);
			}
			this.invocation.getArguments()[0] = entities;
			Object result = proceed();
			Iterator<?> saved = (result instanceof Iterable<?> iterable) ? iterable.iterator() : entities.iterator();
			for (int i = 0; i < ops.size() && saved.hasNext(); i++) {
				after(ops.get(i), saved.next(), states.get(i));
			}
			return result;
		}

		/**
		 * Save the entities no hook skipped, and answer every entity in its place: the
		 * saved one, or the skipped one as the hooks left it.
		 */
		private List<Object> saveAllButSkipped(List<Object> entities, List<Object> toSave, List<WriteOp> ops,
				List<EntityWrite> states) throws Throwable {
			Iterator<?> saved = toSave.iterator();
			if (!toSave.isEmpty()) {
				this.invocation.getArguments()[0] = toSave;
				Object result = proceed();
				if (result instanceof Iterable<?> iterable) {
					saved = iterable.iterator();
				}
			}
			List<Object> answered = new ArrayList<>(entities.size());
			for (int i = 0; i < entities.size(); i++) {
				if (states.get(i).skipped() || !saved.hasNext()) {
					answered.add(entities.get(i));
					continue;
				}
				Object entity = saved.next();
				after(ops.get(i), entity, states.get(i));
				answered.add(entity);
			}
			return answered;
		}

		private @Nullable Object delete() throws Throwable {
			Object entity = argument();
			if (entity == null) {
				return proceed();
			}
			return deleteAll(List.of(entity), false);
		}

		private @Nullable Object deleteById() throws Throwable {
			Object id = argument();
			if (id == null) {
				return proceed();
			}
			Optional<?> found = crud().findById(id);
			if (found.isEmpty()) {
				return proceed();
			}
			return visible(found.get()) ? deleteAll(List.of(found.get()), true) : null;
		}

		private @Nullable Object deleteAllEntities() throws Throwable {
			List<Object> entities = listOf(argument());
			return entities.contains(null) ? proceed() : deleteAll(entities, false);
		}

		private @Nullable Object deleteAllById() throws Throwable {
			List<Object> ids = listOf(argument());
			List<Object> found = listOf(crud().findAllById(ids));
			List<Object> visible = new ArrayList<>(found.size());
			for (Object entity : found) {
				if (visible(entity)) {
					visible.add(entity);
				}
			}
			if (visible.size() < found.size()) {
				ids = new ArrayList<>(visible.size());
				for (Object entity : visible) {
					ids.add(idOf(entity));
				}
			}
			this.invocation.getArguments()[0] = ids;
			return deleteAll(visible, true);
		}

		/**
		 * Whether the after-read hooks let the caller see an entity loaded to be deleted
		 * by id. A hidden one (another tenant's row, a soft-deleted row) is treated as
		 * not found: no hooks and no delete. The hooks' replacement is not used: the
		 * write hooks see the row as stored, so a redacted copy is never written back.
		 */
		private boolean visible(Object entity) {
			return this.runtime.afterRead(entity, this.aggregate, this.request) != null;
		}

		/**
		 * Run the hooks of a delete and carry it out.
		 * @param entities the entities to delete
		 * @param loaded whether the entities were just loaded by id, so that they are the
		 * stored rows and {@code previous()} needs no second query
		 */
		private @Nullable Object deleteAll(List<Object> entities, boolean loaded) throws Throwable {
			List<EntityWrite> states = new ArrayList<>(entities.size());
			List<Object> written = new ArrayList<>(entities.size());
			boolean allDeleted = true;
			for (Object entity : entities) {
				EntityWrite state = loaded ? EntityWrite.withPrevious(entity) : state();
				states.add(state);
				written.add(before(WriteOp.DELETE, entity, state));
				allDeleted &= !state.skipped() && !state.savesInstead();
			}
			if (!allDeleted) {
				return deleteOrSaveInstead(entities, written, states);
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
		 * Carry out a delete some of whose entities a hook skipped or turned into a save:
		 * save those through the repository's target (so no hooks run again), then delete
		 * the rest with the repository's own method, narrowed to them.
		 */
		private @Nullable Object deleteOrSaveInstead(List<Object> entities, List<Object> written,
				List<EntityWrite> states) throws Throwable {
			List<Object> deleted = new ArrayList<>(entities.size());
			List<EntityWrite> deletedStates = new ArrayList<>(entities.size());
			for (int i = 0; i < entities.size(); i++) {
				EntityWrite state = states.get(i);
				if (state.skipped()) {
					continue;
				}
				if (state.savesInstead()) {
					Object saved = crud().save(written.get(i));
					after(WriteOp.UPDATE, (saved != null) ? saved : written.get(i), state);
				}
				else {
					deleted.add(entities.get(i));
					deletedStates.add(state);
				}
			}
			if (deleted.isEmpty()) {
				return null;
			}
			if (this.kind == WriteMethod.DELETE_ALL) {
				this.invocation.getArguments()[0] = deleted;
			}
			else if (this.kind == WriteMethod.DELETE_ALL_BY_ID) {
				List<Object> ids = new ArrayList<>(deleted.size());
				for (Object entity : deleted) {
					ids.add(idOf(entity));
				}
				this.invocation.getArguments()[0] = ids;
			}
			Object result = proceed();
			for (int i = 0; i < deleted.size(); i++) {
				after(WriteOp.DELETE, deleted.get(i), deletedStates.get(i));
			}
			return result;
		}

		/**
		 * The state of one entity's write; its stored entity is loaded through the
		 * repository's target, so neither write nor read hooks run for that load.
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
	 * How one repository method is intercepted: as a write, as a read, or not at all.
	 */
	private record Kind(WriteMethod write, ReadMethod read) {

		static Kind of(Method method, RepositoryInformation repository) {
			WriteMethod write = WriteMethod.of(method, repository);
			return new Kind(write, (write != WriteMethod.NONE) ? ReadMethod.NONE : ReadMethod.of(method, repository));
		}

	}

	/**
	 * Carries a checked exception of the repository method through the transaction
	 * callback.
	 */
	private static final class CheckedFailure extends RuntimeException {

		CheckedFailure(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
