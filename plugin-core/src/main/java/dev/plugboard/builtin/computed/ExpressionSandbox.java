package dev.plugboard.builtin.computed;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import dev.plugboard.EntityContext;

/**
 * Where computed expressions are parsed and evaluated: a {@link SimpleEvaluationContext}
 * whose only property accessor reads the properties of the entity being written, with
 * assignment disabled and no method resolver, type locator, constructor resolver or bean
 * resolver, so that an expression can read the entity and call the
 * {@linkplain ComputedFunctions registered functions}, and nothing else. This is the
 * second line of defence: {@link ComputedExpression} refuses every other construct when
 * the expression is parsed.
 */
final class ExpressionSandbox {

	private static final SpelExpressionParser parser = new SpelExpressionParser(
			new SpelParserConfiguration(SpelCompilerMode.OFF, null));

	private static final SimpleEvaluationContext context = context();

	private ExpressionSandbox() {
	}

	/**
	 * Parse an expression, without checking what it does.
	 * @param source the expression
	 * @return the parsed expression
	 * @throws org.springframework.expression.ParseException when it does not parse
	 */
	static SpelExpression parse(String source) {
		return (SpelExpression) parser.parseExpression(source);
	}

	/**
	 * Evaluate an expression against the entity of a write.
	 * @param expression the expression
	 * @param entity the entity's context, the expression's root
	 * @return the value
	 * @throws org.springframework.expression.EvaluationException when the evaluation
	 * fails or attempts anything the sandbox does not allow
	 */
	static @Nullable Object evaluate(Expression expression, EntityContext entity) {
		return expression.getValue(context, new EntityRoot(entity));
	}

	private static SimpleEvaluationContext context() {
		SimpleEvaluationContext context = SimpleEvaluationContext.forPropertyAccessors(new EntityPropertyAccessor())
			.withConversionService(DefaultConversionService.getSharedInstance())
			.withAssignmentDisabled()
			.build();
		ComputedFunctions.ALL.forEach(context::setVariable);
		return context;
	}

	/**
	 * The root object of an evaluation: the entity, seen through its write context.
	 *
	 * @param entity the context of the entity being written
	 */
	record EntityRoot(EntityContext entity) {

	}

	/**
	 * Reads the properties of the entity being written, through its write context (so
	 * records and JavaBeans read alike), and nothing else: no property of another object,
	 * no writes.
	 */
	static final class EntityPropertyAccessor implements PropertyAccessor {

		@Override
		public Class<?>[] getSpecificTargetClasses() {
			return new Class<?>[] { EntityRoot.class };
		}

		@Override
		public boolean canRead(EvaluationContext context, @Nullable Object target, String name) {
			return target instanceof EntityRoot root && root.entity().has(name);
		}

		@Override
		public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
			if (!(target instanceof EntityRoot root) || !root.entity().has(name)) {
				throw new AccessException("No property '" + name + "' on the entity");
			}
			Object value = root.entity().get(name);
			return (value != null) ? new TypedValue(value) : TypedValue.NULL;
		}

		@Override
		public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
			return false;
		}

		@Override
		public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
				throws AccessException {
			throw new AccessException("Computed expressions cannot write '" + name + "'");
		}

	}

}
