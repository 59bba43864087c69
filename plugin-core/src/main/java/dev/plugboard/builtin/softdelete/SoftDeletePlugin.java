package dev.plugboard.builtin.softdelete;

import java.lang.reflect.Constructor;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.EntityContext;
import dev.plugboard.Forbidden;
import dev.plugboard.NotFound;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.Unauthorized;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.builtin.support.StoredProperty;

/**
 * Deletes softly: a repository DELETE of a soft-deleted aggregate becomes an UPDATE of
 * the stored row that sets its deleted-at property to the time of a {@link Clock}
 * ({@link BeforeWriteContext#saveInstead(Object)}), and repository finders hide rows
 * whose deleted-at is set. Deleting a row that is already deleted, or that no longer
 * exists, writes nothing ({@link BeforeWriteContext#skip()}). The after-write hooks of
 * other plugins see an UPDATE that set the deleted-at property. An UPDATE of a deleted
 * row is refused with a 404, and an UPDATE cannot set the deleted-at property (both load
 * the stored row once with {@link BeforeWriteContext#previous()}).
 *
 * <p>
 * Restoring and purging go through a {@link SoftDeleteStore}; with a role configured,
 * {@link #withRoutes} mounts {@code POST <base-path>/{aggregate}/{id}/restore} and
 * {@code DELETE <base-path>/{aggregate}/{id}/purge}, which answer 204, or 401 without a
 * principal, 403 without the role, 404 when no soft-deleted row has the id.
 *
 * <p>
 * It runs at {@link PluginOrder#DATA} minus 50, before timestamps, so the turned-around
 * write is stamped as an update. The deleted-at property may be an {@link Instant}, an
 * {@link OffsetDateTime} or a {@link LocalDateTime} (in the clock's zone), truncated to
 * microseconds. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed class SoftDeletePlugin implements BeforeWritePlugin, AfterReadPlugin permits SoftDeletePlugin.Routed {

	/** The plugin's id in the manifest. */
	public static final String ID = "soft-delete";

	final SoftDeleteConfig config;

	private final Clock clock;

	/** The aggregates keyed without case, '_' or '-'; empty for every aggregate. */
	private final Set<String> keys;

	/**
	 * Create the plugin without routes.
	 * @param config the deleted-at property and the aggregates
	 * @param clock the clock the deletion times come from
	 */
	public SoftDeletePlugin(SoftDeleteConfig config, Clock clock) {
		this.config = config;
		this.clock = clock;
		Set<String> keys = new HashSet<>();
		config.aggregates().forEach((aggregate) -> keys.add(AggregateKey.of(aggregate)));
		this.keys = Set.copyOf(keys);
	}

	/**
	 * Create the plugin with its restore and purge routes, guarded by the configured
	 * role.
	 * @param config the configuration, with a role
	 * @param clock the clock the deletion times come from
	 * @param store restores and purges rows
	 * @return the plugin
	 * @throws PluginConfigurationException when the configuration names no role
	 */
	public static SoftDeletePlugin withRoutes(SoftDeleteConfig config, Clock clock, SoftDeleteStore store) {
		if (config.role() == null) {
			throw new PluginConfigurationException("role",
					"The routes need a role; name the role allowed to " + "restore and purge, such as ADMIN.");
		}
		return new Routed(config, clock, store);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.DATA - 50;
	}

	/**
	 * The aggregates listed as soft-deleted.
	 * @return the aggregate names, empty when every aggregate with the field is
	 */
	public Set<String> aggregates() {
		return this.config.aggregates();
	}

	/**
	 * The entity property that holds the deletion time, for the store.
	 * @return the property name, such as {@code deletedAt}
	 */
	public String field() {
		return this.config.field();
	}

	/**
	 * Whether rows of an aggregate are deleted softly, for the store: it is listed, or
	 * nothing is listed.
	 * @param aggregate the aggregate name
	 * @return whether it is soft-deleted when its entity has the field
	 */
	public boolean covers(String aggregate) {
		return this.keys.isEmpty() || this.keys.contains(AggregateKey.of(aggregate));
	}

	/**
	 * Check that a listed aggregate's entity has the deleted-at property, at startup.
	 * @param aggregate the aggregate name
	 * @param entityType the entity class
	 * @throws PluginConfigurationException when it has none
	 */
	public void verify(String aggregate, Class<?> entityType) {
		if (!StoredProperty.has(entityType, this.config.field())) {
			throw new PluginConfigurationException("aggregates",
					"Aggregate '" + aggregate + "' is soft-deleted, but " + entityType.getSimpleName()
							+ " has no property '" + this.config.field()
							+ "'; add the property, set 'field' to the entity's deleted-at property, or remove the "
							+ "aggregate.");
		}
	}

	@Override
	public void beforeWrite(BeforeWriteContext write) {
		if (write.op() == WriteOp.INSERT) {
			return;
		}
		Class<?> type = fieldType(write);
		if (type == null) {
			return;
		}
		Object stored = write.previous();
		if (write.op() == WriteOp.UPDATE) {
			keepDeletion(write, stored);
			return;
		}
		if (stored == null || StoredProperty.get(stored, this.config.field()) != null) {
			write.skip();
			return;
		}
		write.saveInstead(copy(stored));
		write.set(this.config.field(), now(type, write));
	}

	/**
	 * An UPDATE of a deleted row is a 404, as the row is gone for the application (else
	 * an entity built from a client's body, without its deleted-at, would restore it); an
	 * UPDATE of a live row cannot delete it by setting the property.
	 */
	private void keepDeletion(BeforeWriteContext write, @Nullable Object stored) {
		if (stored == null) {
			return;
		}
		if (StoredProperty.get(stored, this.config.field()) != null) {
			throw new NotFound("No " + write.aggregate() + " with this id");
		}
		if (write.get(this.config.field()) != null) {
			write.set(this.config.field(), null);
		}
	}

	@Override
	public void afterRead(AfterReadContext read) {
		if (fieldType(read) != null && read.get(this.config.field()) != null) {
			read.hide();
		}
	}

	private @Nullable Class<?> fieldType(EntityContext context) {
		return covers(context.aggregate()) ? context.propertyType(this.config.field()) : null;
	}

	private Object now(Class<?> type, EntityContext context) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (type == Instant.class) {
			return now;
		}
		if (type == OffsetDateTime.class) {
			return OffsetDateTime.ofInstant(now, this.clock.getZone());
		}
		if (type == LocalDateTime.class) {
			return LocalDateTime.ofInstant(now, this.clock.getZone());
		}
		throw new IllegalStateException("The deleted-at property '" + this.config.field() + "' of "
				+ context.entity().getClass().getName() + " (aggregate '" + context.aggregate() + "') is a "
				+ type.getName() + "; soft-delete supports java.time.Instant, java.time.OffsetDateTime and "
				+ "java.time.LocalDateTime");
	}

	/**
	 * A copy of the stored entity to save, so that the stored one, which later hooks
	 * compare against, is never changed: a record is copied when its property is set; a
	 * bean with a no-argument constructor is copied field by field here.
	 */
	private static Object copy(Object stored) {
		Class<?> type = stored.getClass();
		if (type.isRecord()) {
			return stored;
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			ReflectionUtils.makeAccessible(constructor);
			Object copy = constructor.newInstance();
			ReflectionUtils.shallowCopyFieldState(stored, copy);
			return copy;
		}
		catch (ReflectiveOperationException ex) {
			return stored;
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[field=" + this.config.field() + ", aggregates=" + this.config.aggregates()
				+ ", role=" + this.config.role() + "]";
	}

	/**
	 * The plugin with its restore and purge routes.
	 */
	static final class Routed extends SoftDeletePlugin implements RoutesPlugin {

		private final SoftDeleteStore store;

		private final String role;

		Routed(SoftDeleteConfig config, Clock clock, SoftDeleteStore store) {
			super(config, clock);
			this.store = store;
			this.role = (config.role() != null) ? config.role() : "";
		}

		@Override
		public RouterFunction<ServerResponse> routes() {
			String base = this.config.basePath();
			return RouterFunctions.route()
				.POST(base + "/{aggregate}/{id}/restore", (request) -> answer(request, true))
				.DELETE(base + "/{aggregate}/{id}/purge", (request) -> answer(request, false))
				.build();
		}

		private ServerResponse answer(ServerRequest request, boolean restore) {
			authorize(request);
			String aggregate = request.pathVariable("aggregate");
			String id = request.pathVariable("id");
			if (!covers(aggregate)) {
				throw new NotFound("No soft-deleted aggregate '" + aggregate + "'");
			}
			boolean done;
			try {
				done = restore ? this.store.restore(aggregate, id) : this.store.purge(aggregate, id);
			}
			catch (IllegalArgumentException ex) {
				throw new ValidationFailed("invalid-id", ex.getMessage());
			}
			if (!done) {
				throw new NotFound("No deleted " + aggregate + " with id " + id);
			}
			return ServerResponse.noContent().build();
		}

		private void authorize(ServerRequest request) {
			RequestContext context = request.attribute(RequestContext.ATTRIBUTE)
				.filter(RequestContext.class::isInstance)
				.map(RequestContext.class::cast)
				.orElse(null);
			Principal principal = (context != null) ? context.principal() : request.principal().orElse(null);
			if (principal == null) {
				throw new Unauthorized("Sign in to restore or purge soft-deleted rows");
			}
			boolean allowed = (context != null) ? context.isUserInRole(this.role)
					: request.servletRequest().isUserInRole(this.role);
			if (!allowed) {
				throw new Forbidden("Restoring and purging soft-deleted rows needs the role " + this.role);
			}
		}

	}

}
