package dev.plugboard.builtin.auditlog;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.AfterWriteContext;
import dev.plugboard.AfterWritePlugin;
import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.Forbidden;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.RoutesPlugin;
import dev.plugboard.Unauthorized;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.auditlog.AuditChain.Verification;

/**
 * Records every repository write in a hash-chained audit log, in the write's own
 * transaction: a write that rolls back leaves no row, a write that commits always has
 * one. A row holds the time (from the plugin's {@link Clock}), the principal, the request
 * id, the aggregate, the entity's id, the op, and for an UPDATE the changed fields with
 * their old and new values, masked for secret-looking field names.
 *
 * <p>
 * Each row stores the SHA-256 of its content and of the previous row's hash. Appends
 * serialise on a lock held in the database (the head row of the {@link AuditLogStore}),
 * taken in the after-write hook and released when the write's transaction ends, so the
 * chain's order is the commit order, across threads and application instances, and a
 * rolled-back write leaves no gap.
 *
 * <p>
 * Its routes, for callers with the configured role: {@code GET <base-path>/verify} walks
 * the chain and names the first broken row; {@code GET <base-path>} pages through rows,
 * filtered by {@code entity}, {@code id} and {@code since}.
 *
 * <p>
 * An UPDATE costs one extra query for the stored row
 * ({@link BeforeWriteContext#previous()}, shared with other plugins); every write costs
 * the head lock, an insert and an update. Thread-safe.
 *
 * @since 0.1.0
 */
public final class AuditLogPlugin implements BeforeWritePlugin, AfterWritePlugin, RoutesPlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "audit-log";

	/** The value recorded in place of a masked field's values. */
	public static final String MASKED = "***";

	private static final int MAX_TEXT = 255;

	private final AuditLogConfig config;

	private final AuditLogStore store;

	private final Clock clock;

	private final JsonMapper json;

	private final AuditChain chain;

	private final EntityFields fields = new EntityFields();

	private final List<String> mask;

	/**
	 * Create the plugin.
	 * @param config masking, role and routes
	 * @param store where the rows are kept
	 * @param clock the clock the times come from
	 */
	public AuditLogPlugin(AuditLogConfig config, AuditLogStore store, Clock clock) {
		this.config = config;
		this.store = store;
		this.clock = clock;
		this.json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
		this.chain = new AuditChain(this.json);
		this.mask = config.mask().stream().map(AuditLogConfig::normalize).toList();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.RECORDING;
	}

	/**
	 * Load the stored row of an UPDATE, so that after-write can tell what changed.
	 */
	@Override
	public void beforeWrite(BeforeWriteContext write) {
		if (write.op() == WriteOp.UPDATE) {
			write.previous();
		}
	}

	@Override
	public void afterWrite(AfterWriteContext write) {
		try {
			RequestContext request = write.request();
			String principal = null;
			String requestId = null;
			if (request != null) {
				Principal user = request.principal();
				principal = (user != null) ? truncate(user.getName()) : null;
				requestId = truncate(request.requestId());
			}
			Object id = write.id();
			String changes = (write.op() == WriteOp.UPDATE) ? changes(write.previous(), write.entity()) : null;
			AuditHead head = this.store.lockHead();
			Instant time = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			this.store.append(this.chain.next(head, time, principal, requestId, write.aggregate(),
					(id != null) ? truncate(String.valueOf(id)) : null, write.op().name(), changes));
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new AuditRowFailure("Could not record the " + write.op() + " of '" + write.aggregate()
					+ "' in the audit log; the write is rolled back", ex);
		}
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

	/**
	 * The changed fields as a JSON object, or {@code null} when the stored row is
	 * unknown.
	 */
	@Nullable String changes(@Nullable Object previous, Object entity) {
		if (previous == null) {
			return null;
		}
		List<EntityFields.Reader> oldFields = this.fields.of(previous.getClass());
		Map<String, Map<String, @Nullable Object>> changes = new LinkedHashMap<>();
		for (EntityFields.Reader field : this.fields.of(entity.getClass())) {
			Object newValue = field.read(entity);
			Object oldValue = read(oldFields, field.name(), previous);
			if (same(oldValue, newValue)) {
				continue;
			}
			Map<String, @Nullable Object> change = new LinkedHashMap<>();
			boolean masked = masked(field.name());
			change.put("old", masked ? MASKED : oldValue);
			change.put("new", masked ? MASKED : newValue);
			changes.put(field.name(), change);
		}
		try {
			return this.json.writeValueAsString(changes);
		}
		catch (JacksonException ex) {
			changes.values().forEach((change) -> change.replaceAll((key, value) -> Objects.toString(value, null)));
			return this.json.writeValueAsString(changes);
		}
	}

	private static @Nullable Object read(List<EntityFields.Reader> fields, String name, Object entity) {
		for (EntityFields.Reader field : fields) {
			if (field.name().equals(name)) {
				return field.read(entity);
			}
		}
		return null;
	}

	private boolean masked(String field) {
		String name = AuditLogConfig.normalize(field);
		for (String secret : this.mask) {
			if (name.contains(secret)) {
				return true;
			}
		}
		return false;
	}

	private static boolean same(@Nullable Object a, @Nullable Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
			return x.isEqual(y);
		}
		if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
			return x.isEqual(y);
		}
		return Objects.deepEquals(a, b);
	}

	@Override
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET(this.config.basePath() + "/verify", this::verify)
			.GET(this.config.basePath(), this::page)
			.build();
	}

	private ServerResponse verify(ServerRequest request) {
		authorize(request);
		Verification verification = this.chain.verify(this.store);
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("intact", verification.intact());
		body.put("verified", verification.verified());
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("seq", verification.head().seq());
		head.put("hash", verification.head().hash());
		body.put("head", head);
		AuditChain.BrokenRow broken = verification.broken();
		if (broken != null) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("seq", broken.seq());
			row.put("entity", broken.entity());
			row.put("id", broken.entityId());
			row.put("reason", broken.reason());
			body.put("firstBroken", row);
		}
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private ServerResponse page(ServerRequest request) {
		authorize(request);
		int page = intParam(request, "page", 0, 0, Integer.MAX_VALUE);
		int size = intParam(request, "size", this.config.defaultPageSize(), 1, this.config.maxPageSize());
		AuditQuery query = new AuditQuery(blankToNull(request.param("entity").orElse(null)),
				blankToNull(request.param("id").orElse(null)), since(request), page, size);
		List<Map<String, @Nullable Object>> items = new ArrayList<>();
		for (AuditRecord row : this.store.find(query)) {
			items.add(item(row));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("page", page);
		body.put("size", size);
		body.put("total", this.store.count(query));
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private Map<String, @Nullable Object> item(AuditRecord row) {
		Map<String, @Nullable Object> item = new LinkedHashMap<>();
		item.put("seq", row.seq());
		item.put("time", row.time().toString());
		item.put("principal", row.principal());
		item.put("requestId", row.requestId());
		item.put("entity", row.entity());
		item.put("id", row.entityId());
		item.put("op", row.op());
		Object changes = null;
		if (row.changes() != null) {
			try {
				changes = this.json.readTree(row.changes());
			}
			catch (JacksonException ex) {
				changes = row.changes();
			}
		}
		item.put("changes", changes);
		item.put("prevHash", row.prevHash());
		item.put("hash", row.hash());
		return item;
	}

	/**
	 * Let only authenticated callers with the role through: the principal and roles a
	 * plugin set on the request context, else the container's or Spring Security's.
	 */
	private void authorize(ServerRequest request) {
		RequestContext context = request.attribute(RequestContext.ATTRIBUTE)
			.filter(RequestContext.class::isInstance)
			.map(RequestContext.class::cast)
			.orElse(null);
		HttpServletRequest servlet = request.servletRequest();
		Principal principal = (context != null) ? context.principal() : null;
		if (principal == null) {
			principal = servlet.getUserPrincipal();
		}
		if (principal == null) {
			throw new Unauthorized(
					"The audit log needs an authenticated caller with the role " + this.config.role() + ".");
		}
		boolean allowed = (context != null && context.isUserInRole(this.config.role()))
				|| servlet.isUserInRole(this.config.role());
		if (!allowed) {
			throw new Forbidden("role-required",
					"The audit log needs the role " + this.config.role() + ", which the caller does not have.");
		}
	}

	private static int intParam(ServerRequest request, String name, int fallback, int min, int max) {
		String value = request.param(name).orElse(null);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ValidationFailed("invalid-parameter",
				"'" + name + "' must be a whole number from " + min + " to " + max + ", was '" + value + "'.");
	}

	private static @Nullable Instant since(ServerRequest request) {
		String value = blankToNull(request.param("since").orElse(null));
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw new ValidationFailed("invalid-parameter", "'since' must be an ISO-8601 time such as "
						+ "2025-01-31T09:00:00Z, or a date such as 2025-01-31 (UTC), was '" + value + "'.");
			}
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@Override
	public String toString() {
		return "AuditLogPlugin[basePath=" + this.config.basePath() + ", role=" + this.config.role() + ", mask="
				+ this.config.mask() + ", clock=" + this.clock + "]";
	}

}
