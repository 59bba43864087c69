package dev.plugboard.builtin.computed;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.Elvis;
import org.springframework.expression.spel.ast.FloatLiteral;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.InlineList;
import org.springframework.expression.spel.ast.InlineMap;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpDivide;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpMinus;
import org.springframework.expression.spel.ast.OpModulus;
import org.springframework.expression.spel.ast.OpMultiply;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OpPlus;
import org.springframework.expression.spel.ast.OperatorBetween;
import org.springframework.expression.spel.ast.OperatorInstanceof;
import org.springframework.expression.spel.ast.OperatorMatches;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.OperatorPower;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.RealLiteral;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.Ternary;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

import dev.plugboard.EntityContext;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.builtin.support.EntityType;

/**
 * One computed field: the property it sets and the checked expression that computes it.
 * Parsing refuses everything but reading the entity's own properties, literals, operators
 * and the registered functions, naming the construct and its position.
 */
final class ComputedExpression {

	private static final List<Class<?>> ALLOWED = List.of(IntLiteral.class, LongLiteral.class, RealLiteral.class,
			FloatLiteral.class, StringLiteral.class, BooleanLiteral.class, NullLiteral.class, OpPlus.class,
			OpMinus.class, OpMultiply.class, OpDivide.class, OpModulus.class, OperatorPower.class, OpEQ.class,
			OpNE.class, OpLT.class, OpLE.class, OpGT.class, OpGE.class, OpAnd.class, OpOr.class, OperatorNot.class,
			Ternary.class, Elvis.class);

	static final String ALLOWED_DESCRIPTION = "computed expressions may only read the entity's own properties and use "
			+ "literals, the arithmetic, comparison and logical operators, ?: and ternaries, and the functions "
			+ functionNames();

	private final String key;

	private final String aggregate;

	private final String property;

	private final String source;

	private final SpelExpression expression;

	private final List<PropertyOrFieldReference> reads;

	private ComputedExpression(String key, String aggregate, String property, String source, SpelExpression expression,
			List<PropertyOrFieldReference> reads) {
		this.key = key;
		this.aggregate = aggregate;
		this.property = property;
		this.source = source;
		this.expression = expression;
		this.reads = reads;
	}

	/**
	 * Parse and check an expression.
	 * @param aggregate the aggregate name
	 * @param property the computed property
	 * @param source the expression
	 * @return the checked expression
	 * @throws PluginConfigurationException when it does not parse or uses anything but
	 * the allowed constructs
	 */
	static ComputedExpression parse(String aggregate, String property, @Nullable String source) {
		String key = "fields." + aggregate + "." + property;
		if (source == null || source.isBlank()) {
			throw new PluginConfigurationException(key,
					"The expression is empty; write one such as \"quantity * unitPrice\".");
		}
		SpelExpression expression;
		try {
			expression = ExpressionSandbox.parse(source);
		}
		catch (ParseException ex) {
			throw new PluginConfigurationException(key, "Cannot parse '" + source + "' at position "
					+ Math.max(ex.getPosition(), 0) + ": " + ex.getSimpleMessage() + ".");
		}
		List<PropertyOrFieldReference> reads = new ArrayList<>();
		check(key, source, expression.getAST(), true, reads);
		return new ComputedExpression(key, aggregate, property, source, expression, List.copyOf(reads));
	}

	private static void check(String key, String source, SpelNode node, boolean onEntity,
			List<PropertyOrFieldReference> reads) {
		if (node instanceof PropertyOrFieldReference read) {
			if (!onEntity) {
				throw refused(key, source, node, "'." + read.getName() + "' (a property of a property)");
			}
			reads.add(read);
			return;
		}
		if (node instanceof CompoundExpression) {
			for (int i = 0; i < node.getChildCount(); i++) {
				check(key, source, node.getChild(i), onEntity && i == 0, reads);
			}
			return;
		}
		if (node instanceof FunctionReference) {
			String name = functionName(node);
			if (!ComputedFunctions.ALL.containsKey(name)) {
				throw refused(key, source, node, "the unknown function '#" + name + "'");
			}
		}
		else if (!ALLOWED.contains(node.getClass())) {
			throw refused(key, source, node, describe(node));
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			check(key, source, node.getChild(i), true, reads);
		}
	}

	private static String describe(SpelNode node) {
		if (node instanceof TypeReference) {
			return "a type reference (T(...))";
		}
		if (node instanceof ConstructorReference) {
			return "a constructor call (new ...)";
		}
		if (node instanceof BeanReference) {
			return "a bean reference (@...)";
		}
		if (node instanceof MethodReference method) {
			return "a method call ('" + method.getName() + "(...)')";
		}
		if (node instanceof Assign || node instanceof OpInc || node instanceof OpDec) {
			return "an assignment";
		}
		if (node instanceof VariableReference) {
			return "a variable ('" + node.toStringAST() + "')";
		}
		if (node instanceof Indexer) {
			return "an index ([...])";
		}
		if (node instanceof Selection || node instanceof Projection) {
			return "a selection or projection";
		}
		if (node instanceof InlineList || node instanceof InlineMap) {
			return "an inline list or map ({...})";
		}
		if (node instanceof OperatorInstanceof) {
			return "the instanceof operator";
		}
		if (node instanceof OperatorMatches) {
			return "the matches operator";
		}
		if (node instanceof OperatorBetween) {
			return "the between operator";
		}
		return "'" + node.toStringAST() + "'";
	}

	private static PluginConfigurationException refused(String key, String source, SpelNode node, String what) {
		return new PluginConfigurationException(key, "'" + source + "' uses " + what + " at position "
				+ node.getStartPosition() + ", which is not allowed: " + ALLOWED_DESCRIPTION + ".");
	}

	private static String functionName(SpelNode node) {
		String ast = node.toStringAST();
		int start = ast.startsWith("#") ? 1 : 0;
		int end = ast.indexOf('(');
		return ast.substring(start, (end >= 0) ? end : ast.length());
	}

	private static String functionNames() {
		StringBuilder names = new StringBuilder();
		ComputedFunctions.ALL.keySet().forEach((name) -> {
			if (!names.isEmpty()) {
				names.append(", ");
			}
			names.append('#').append(name);
		});
		return names.toString();
	}

	/**
	 * Check that the computed property and every property the expression reads exist on
	 * an entity type.
	 * @param type the entity type
	 * @throws PluginConfigurationException naming the first unknown property, its
	 * position and the closest known one
	 */
	void verify(EntityType type) {
		if (!type.has(this.property)) {
			throw new PluginConfigurationException(this.key, "Unknown property '" + this.property + "' of "
					+ type.name() + " to compute" + suggestion(type, this.property) + " " + type.describe() + ".");
		}
		for (PropertyOrFieldReference read : this.reads) {
			if (!type.has(read.getName())) {
				throw new PluginConfigurationException(this.key,
						"Unknown property '" + read.getName() + "' at position " + read.getStartPosition() + " in '"
								+ this.source + "'" + suggestion(type, read.getName()) + " " + type.describe() + ".");
			}
		}
	}

	private static String suggestion(EntityType type, String property) {
		String closest = type.closest(property);
		return (closest != null) ? "; did you mean '" + closest + "'?" : ".";
	}

	/**
	 * Evaluate the expression against the entity being written.
	 * @param entity the entity's context
	 * @return the value
	 * @throws org.springframework.expression.EvaluationException or
	 * {@link ArithmeticException} when the values do not compute
	 */
	@Nullable Object evaluate(EntityContext entity) {
		return ExpressionSandbox.evaluate(this.expression, entity);
	}

	/**
	 * Whether one of the properties the expression reads is {@code null} on the entity,
	 * which makes the computed value {@code null} when the evaluation fails.
	 * @param entity the entity's context
	 * @return whether an input is missing
	 */
	boolean readsNull(EntityContext entity) {
		for (PropertyOrFieldReference read : this.reads) {
			if (entity.has(read.getName()) && entity.get(read.getName()) == null) {
				return true;
			}
		}
		return false;
	}

	String key() {
		return this.key;
	}

	String aggregate() {
		return this.aggregate;
	}

	String property() {
		return this.property;
	}

	String source() {
		return this.source;
	}

}
