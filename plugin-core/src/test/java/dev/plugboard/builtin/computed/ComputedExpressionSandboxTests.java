package dev.plugboard.builtin.computed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.expression.EvaluationException;

import dev.plugboard.EntityContext;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.RequestContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What a computed expression may not do: each dangerous construct is refused when the
 * plugin is created, and, should one ever slip past that check, the evaluation context
 * refuses it too. Nothing is executed either way.
 */
class ComputedExpressionSandboxTests {

	@TempDir
	Path directory;

	static Stream<Arguments> refusedConstructs() {
		return Stream.of(
				arguments("T(java.lang.Runtime).getRuntime().exec('touch MARKER')",
						"a type reference (T(...)) at position 0"),
				arguments("new java.io.File('MARKER').createNewFile()", "a constructor call (new ...) at position 0"),
				arguments("@someBean", "a bean reference (@...) at position 1"),
				arguments("getClass().forName('java.lang.Runtime')", "a method call ('getClass(...)') at position 0"),
				arguments("''.getClass()", "a method call ('getClass(...)') at position 3"),
				arguments("product.getClass()", "a method call ('getClass(...)') at position 8"),
				arguments("total = 1", "an assignment at position 6"),
				arguments("quantity++", "an assignment at position 8"),
				arguments("#this", "a variable ('#this') at position 0"),
				arguments("#root.product", "a variable ('#root') at position 0"),
				arguments("#round", "a variable ('#round') at position 0"),
				arguments("#exec('x')", "the unknown function '#exec' at position 0"),
				arguments("product[0]", "an index ([...]) at position 7"),
				arguments("{1, 2}", "an inline list or map ({...}) at position 0"),
				arguments("product matches '.*'", "the matches operator at position 8"),
				arguments("product instanceof T(String)", "the instanceof operator at position 8"),
				arguments("product.bytes", "'.bytes' (a property of a property) at position 8"));
	}

	@ParameterizedTest
	@MethodSource("refusedConstructs")
	void dangerousConstructIsRefusedWhenThePluginIsCreatedAndNothingRuns(String expression, String refusal)
			throws Exception {
		Path marker = this.directory.resolve("x");
		String source = expression.replace("MARKER", marker.toString());

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ComputedPlugin(new ComputedConfig(Map.of("order_line", Map.of("total", source)))))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("fields.order_line.total");
				assertThat(ex.getMessage()).isEqualTo("'" + source + "' uses " + refusal + ", which is not allowed: "
						+ ComputedExpression.ALLOWED_DESCRIPTION + ".");
			});
		assertThat(marker).doesNotExist();
		assertThat(Files.list(this.directory)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "T(java.lang.Runtime).getRuntime().exec('touch MARKER')",
			"new java.io.File('MARKER').createNewFile()", "@someBean", "getClass().forName('java.lang.Runtime')",
			"''.getClass()", "product.getClass().getClassLoader()", "product.bytes", "total = 1", "quantity++",
			"#root.getClass()", "#round.invoke(null, 1, 2)" })
	void evaluationContextRefusesWhatTheParserCheckWouldHaveCaught(String expression) {
		Path marker = this.directory.resolve("x");
		String source = expression.replace("MARKER", marker.toString());
		Entity entity = new Entity(Map.of("product", "tea", "quantity", 2, "total", 3));

		assertThatExceptionOfType(EvaluationException.class)
			.isThrownBy(() -> ExpressionSandbox.evaluate(ExpressionSandbox.parse(source), entity));
		assertThat(marker).doesNotExist();
		assertThat(entity.values).containsEntry("total", 3).containsEntry("quantity", 2);
	}

	@Test
	void evaluationContextReadsTheEntitysPropertiesAndCallsTheFunctions() {
		Entity entity = new Entity(Map.of("product", "Tea", "quantity", 3));

		Object value = ExpressionSandbox.evaluate(ExpressionSandbox.parse("#upper(product) + ':' + quantity * 2"),
				entity);

		assertThat(value).isEqualTo("TEA:6");
	}

	@Test
	void allowedConstructsParse() {
		ComputedExpression expression = ComputedExpression.parse("order_line", "total",
				"quantity > 0 and !(product == null) ? #round(-quantity * 1.5 % 7 ^ 2, 2) : #coalesce(total, 0L, 1.0f)");

		assertThat(expression.source()).startsWith("quantity > 0");
	}

	/**
	 * An entity seen through a context over a map of values.
	 */
	static final class Entity implements EntityContext {

		final Map<String, Object> values;

		Entity(Map<String, Object> values) {
			this.values = values;
		}

		@Override
		public Object entity() {
			return this.values;
		}

		@Override
		public boolean has(String property) {
			return this.values.containsKey(property);
		}

		@Override
		public @Nullable Class<?> propertyType(String property) {
			Object value = this.values.get(property);
			return (value != null) ? value.getClass() : null;
		}

		@Override
		public @Nullable Object get(String property) {
			return this.values.get(property);
		}

		@Override
		public String aggregate() {
			return "order_line";
		}

		@Override
		public @Nullable RequestContext request() {
			return null;
		}

	}

}
