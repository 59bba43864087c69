package dev.plugboard.builtin.computed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.expression.EvaluationException;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.EntityType;

/**
 * Sets entity fields computed from SpEL expressions before each insert and update, such
 * as {@code total = quantity * unitPrice}. Runs after the other data plugins (timestamps,
 * slugs) and before validation, so that validation sees the computed values.
 *
 * <p>
 * Expressions are checked when the plugin is created: they may only read the entity's own
 * properties (by Java name) and use literals, the arithmetic, comparison and logical
 * operators, {@code ?:}, ternaries and the functions {@code #round(number, scale)},
 * {@code #coalesce(value, ...)}, {@code #lower(text)} and {@code #upper(text)}. Type
 * references, constructors, bean references, method calls, variables and assignments are
 * refused, and the evaluation context (a read-only
 * {@link org.springframework.expression.spel.support.SimpleEvaluationContext}) could not
 * run them anyway. {@link #verify(String, Class)} checks the properties against the
 * entity class; the plugin also does so on the first write of each class.
 *
 * <p>
 * The fields of an aggregate are computed in the order they are declared, so a field can
 * use one computed before it. A value is converted to the property's type (an {@code int}
 * times a {@code BigDecimal} set into a {@code Long}, say). When the evaluation fails
 * because a property it reads is {@code null}, the field is set to {@code null}, as SQL
 * does; any other failure (a division by zero) rejects the write with a 400 naming every
 * field that could not be computed. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ComputedPlugin implements BeforeWritePlugin {

	/** The plugin's id in the manifest. */
	public static final String ID = "computed";

	/** The code of the violation for a field that cannot be computed. */
	public static final String NOT_COMPUTABLE = "not-computable";

	private static final Logger logger = LoggerFactory.getLogger(ComputedPlugin.class);

	private static final ConversionService conversion = DefaultConversionService.getSharedInstance();

	private final Map<String, Aggregate> aggregates;

	/**
	 * Create the plugin, parsing and checking every expression.
	 * @param config the expressions by aggregate and property
	 * @throws PluginConfigurationException naming the key ({@code fields.<aggregate>.
	 * <property>}) of an expression that does not parse or uses a construct that is not
	 * allowed, with the position of the error
	 */
	public ComputedPlugin(ComputedConfig config) {
		Map<String, Aggregate> aggregates = new LinkedHashMap<>();
		config.fields().forEach((aggregate, fields) -> {
			List<ComputedExpression> expressions = new ArrayList<>();
			fields
				.forEach((property, source) -> expressions.add(ComputedExpression.parse(aggregate, property, source)));
			if (!expressions.isEmpty()) {
				aggregates.put(aggregate, new Aggregate(List.copyOf(expressions)));
			}
		});
		this.aggregates = Collections.unmodifiableMap(aggregates);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public int order() {
		return PluginOrder.DATA + 50;
	}

	/**
	 * The aggregates that have computed fields.
	 * @return the aggregate names, in manifest order
	 */
	public Set<String> aggregates() {
		return this.aggregates.keySet();
	}

	/**
	 * Check the computed fields of an aggregate against its entity class: the computed
	 * properties and every property the expressions read must exist.
	 * @param aggregate the aggregate name
	 * @param entityType the entity class the aggregate's repository manages
	 * @throws PluginConfigurationException naming the key of the first expression that
	 * uses an unknown property, the property, its position and the closest known one
	 */
	public void verify(String aggregate, Class<?> entityType) {
		Aggregate fields = this.aggregates.get(aggregate);
		if (fields != null) {
			fields.verify(entityType);
		}
	}

	@Override
	public void beforeWrite(BeforeWriteContext write) {
		if (write.op() == WriteOp.DELETE) {
			return;
		}
		Aggregate aggregate = this.aggregates.get(write.aggregate());
		if (aggregate == null) {
			return;
		}
		EntityType type = aggregate.verified(write.entity().getClass());
		List<Violation> violations = null;
		for (ComputedExpression field : aggregate.fields) {
			Violation violation = compute(field, type, write);
			if (violation != null) {
				violations = (violations != null) ? violations : new ArrayList<>();
				violations.add(violation);
			}
		}
		if (violations != null) {
			throw new ValidationFailed(violations);
		}
	}

	private @Nullable Violation compute(ComputedExpression field, EntityType type, BeforeWriteContext write) {
		Object value;
		try {
			value = field.evaluate(write);
		}
		catch (EvaluationException | ArithmeticException ex) {
			if (!field.readsNull(write)) {
				logger.debug("Plugin '{}' could not compute {} of {} from '{}'", ID, field.property(),
						write.aggregate(), field.source(), ex);
				return notComputable(field, reason(ex));
			}
			value = null;
		}
		Class<?> target = type.type(field.property());
		Object converted;
		try {
			converted = (value != null) ? conversion.convert(value, write.propertyType(field.property())) : null;
		}
		catch (ConverterNotFoundException ex) {
			throw new IllegalStateException("Plugin '" + ID + "': '" + field.source() + "' (" + field.key()
					+ ") gives a " + value.getClass().getName() + ", which does not convert to the "
					+ ex.getTargetType() + " of " + field.property(), ex);
		}
		catch (ConversionFailedException ex) {
			return notComputable(field, "the result does not fit a " + ex.getTargetType().getType().getSimpleName());
		}
		if (converted == null && target != null && target.isPrimitive()) {
			return notComputable(field, "a value it needs is missing");
		}
		write.set(field.property(), converted);
		return null;
	}

	private static Violation notComputable(ComputedExpression field, String reason) {
		return new Violation(field.property(), NOT_COMPUTABLE, field.property() + " cannot be computed: " + reason);
	}

	private static String reason(RuntimeException ex) {
		if (ex instanceof ArithmeticException || ex.getCause() instanceof ArithmeticException) {
			Throwable arithmetic = (ex instanceof ArithmeticException) ? ex : ex.getCause();
			return "arithmetic error (" + arithmetic.getMessage() + ")";
		}
		return "the values do not compute";
	}

	@Override
	public String toString() {
		return "ComputedPlugin" + this.aggregates.keySet();
	}

	/**
	 * The computed fields of one aggregate, and the entity classes they have been checked
	 * against.
	 */
	private static final class Aggregate {

		private final List<ComputedExpression> fields;

		private final Map<Class<?>, EntityType> verified = new ConcurrentHashMap<>();

		Aggregate(List<ComputedExpression> fields) {
			this.fields = fields;
		}

		void verify(Class<?> entityType) {
			EntityType type = EntityType.of(entityType);
			for (ComputedExpression field : this.fields) {
				field.verify(type);
			}
			this.verified.put(entityType, type);
		}

		EntityType verified(Class<?> entityType) {
			EntityType type = this.verified.get(entityType);
			if (type == null) {
				try {
					verify(entityType);
				}
				catch (PluginConfigurationException ex) {
					throw new IllegalStateException(
							"Plugin '" + ID + "' cannot compute " + ex.key() + ": " + ex.getMessage(), ex);
				}
				type = this.verified.get(entityType);
			}
			return type;
		}

	}

}
