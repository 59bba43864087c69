package dev.plugboard.builtin.tenantscope;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.EntityContext;
import dev.plugboard.NotFound;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.AggregateKey;
import dev.plugboard.builtin.support.StoredProperty;

/**
 * Keeps each tenant to its own rows. The tenant of a request comes from a
 * {@link TenantResolver} (a header, a request attribute, the principal's name, or the
 * application's own); on a scoped aggregate:
 * <ul>
 * <li>INSERT stamps the tenant into the tenant property, whatever the entity
 * carried;</li>
 * <li>UPDATE and DELETE of another tenant's row are refused with a 404, as if the row did
 * not exist (the stored row is loaded once with {@link BeforeWriteContext#previous()});
 * an UPDATE cannot move a row to another tenant;</li>
 * <li>reads through repository finders return only the tenant's rows: the others are
 * hidden after the query, so counts and page totals still include them (pair it with
 * database row-level security for large tables).</li>
 * </ul>
 * A request without a tenant is refused with a 400, unless the user has the configured
 * admin role: then it reads and writes every tenant's rows, unscoped. Work outside a
 * request (a scheduled job, a message listener) is system work and runs unscoped.
 *
 * <p>
 * It runs at {@link PluginOrder#SCOPE}, before the data plugins. The tenant property may
 * be a {@code String}, {@code Long}, {@code Integer} or {@code UUID}. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class TenantScopePlugin implements BeforeWritePlugin, AfterReadPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "tenant-scope";

	private final String field;

	private final Set<String> aggregates;

	/** The aggregates keyed without case, '_' or '-'; empty for every aggregate. */
	private final Set<String> keys;

	private final @Nullable String adminRole;

	private final TenantResolver resolver;

	/**
	 * Create the plugin.
	 * @param config the tenant property, the scoped aggregates and the admin role
	 * @param resolver finds the tenant of a request
	 */
	public TenantScopePlugin(TenantScopeConfig config, TenantResolver resolver) {
		this.field = config.field();
		this.aggregates = config.aggregates();
		Set<String> keys = new HashSet<>();
		this.aggregates.forEach((aggregate) -> keys.add(AggregateKey.of(aggregate)));
		this.keys = Set.copyOf(keys);
		this.adminRole = config.adminRole();
		this.resolver = resolver;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.SCOPE;
	}

	/**
	 * The aggregates listed as scoped.
	 * @return the aggregate names, empty when every aggregate with the field is scoped
	 */
	public Set<String> aggregates() {
		return this.aggregates;
	}

	/**
	 * Check that a listed aggregate's entity has the tenant property, at startup.
	 * @param aggregate the aggregate name
	 * @param entityType the entity class
	 * @throws PluginConfigurationException when it has none
	 */
	public void verify(String aggregate, Class<?> entityType) {
		if (!StoredProperty.has(entityType, this.field)) {
			throw new PluginConfigurationException("aggregates", "Aggregate '" + aggregate + "' is scoped, but "
					+ entityType.getSimpleName() + " has no property '" + this.field
					+ "'; add the property, set 'field' to the entity's tenant property, or remove the aggregate.");
		}
	}

	@Override
	public void beforeWrite(BeforeWriteContext write) {
		Class<?> type = scopedType(write);
		if (type == null) {
			return;
		}
		Object tenant = tenant(write, type);
		if (tenant == null) {
			return;
		}
		if (write.op() != WriteOp.INSERT) {
			Object stored = write.previous();
			if (stored != null && !tenant.equals(StoredProperty.get(stored, this.field))) {
				throw new NotFound("No " + write.aggregate() + " with this id");
			}
			if (write.op() == WriteOp.DELETE) {
				return;
			}
		}
		write.set(this.field, tenant);
	}

	@Override
	public void afterRead(AfterReadContext read) {
		Class<?> type = scopedType(read);
		if (type == null) {
			return;
		}
		Object tenant = tenant(read, type);
		if (tenant != null && !tenant.equals(read.get(this.field))) {
			read.hide();
		}
	}

	/**
	 * The type of the tenant property when the entity is scoped, else {@code null}.
	 */
	private @Nullable Class<?> scopedType(EntityContext context) {
		if (!this.keys.isEmpty() && !this.keys.contains(AggregateKey.of(context.aggregate()))) {
			return null;
		}
		return context.propertyType(this.field);
	}

	/**
	 * The tenant of the current request as a value of the property's type, or
	 * {@code null} when the work is unscoped: outside a request, or an admin without a
	 * tenant.
	 */
	private @Nullable Object tenant(EntityContext context, Class<?> type) {
		RequestContext request = context.request();
		if (request == null) {
			return null;
		}
		String tenant = this.resolver.tenant(request);
		if (tenant == null || tenant.isBlank()) {
			if (this.adminRole != null && request.isUserInRole(this.adminRole)) {
				return null;
			}
			throw new ValidationFailed("tenant-required",
					"This request names no tenant, and " + context.aggregate() + " is scoped by tenant");
		}
		return convert(tenant.strip(), type);
	}

	private Object convert(String tenant, Class<?> type) {
		try {
			if (type == String.class) {
				return tenant;
			}
			if (type == Long.class || type == long.class) {
				return Long.valueOf(tenant);
			}
			if (type == Integer.class || type == int.class) {
				return Integer.valueOf(tenant);
			}
			if (type == UUID.class) {
				return UUID.fromString(tenant);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new ValidationFailed("tenant-invalid", "The tenant of this request is not a valid "
					+ type.getSimpleName() + " (the type of the tenant property '" + this.field + "')");
		}
		throw new IllegalStateException("The tenant property '" + this.field + "' is a " + type.getName()
				+ "; tenant-scope supports String, Long, Integer and UUID");
	}

	@Override
	public String toString() {
		return "TenantScopePlugin[field=" + this.field + ", aggregates=" + this.aggregates + ", adminRole="
				+ this.adminRole + "]";
	}

}
