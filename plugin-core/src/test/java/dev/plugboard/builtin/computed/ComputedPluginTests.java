package dev.plugboard.builtin.computed;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The computed plugin driven through {@link PluginHarness}.
 */
class ComputedPluginTests {

	@Test
	void totalOfARecordIsQuantityTimesUnitPriceAsABigDecimal() {
		PluginHarness harness = harness("order_line", "total", "quantity * unitPrice");
		OrderLine line = new OrderLine(null, "tea", 3, new BigDecimal("2.50"), null);

		OrderLine written = harness.beforeWrite(WriteOp.INSERT, line);

		assertThat(written).isNotSameAs(line);
		assertThat(written.total()).isEqualByComparingTo("7.50");
		assertThat(written.total()).isInstanceOf(BigDecimal.class);
		assertThat(written.product()).isEqualTo("tea");
	}

	@Test
	void updatesAreComputedAgain() {
		PluginHarness harness = harness("order_line", "total", "quantity * unitPrice");

		OrderLine written = harness.beforeWrite(WriteOp.UPDATE,
				new OrderLine(7L, "tea", 4, new BigDecimal("2.50"), new BigDecimal("7.50")));

		assertThat(written.total()).isEqualByComparingTo("10.00");
	}

	@Test
	void javaBeanIsComputedInPlaceAndResultsAreConvertedToEachPropertysType() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("gross", "net * (1 + taxRate)");
		fields.put("rounded", "gross");
		fields.put("label", "#upper(customer) + '-' + rounded");
		PluginHarness harness = PluginHarness.of(new ComputedPlugin(new ComputedConfig(Map.of("invoice", fields))));
		Invoice invoice = new Invoice(new BigDecimal("100.40"), 0.2, "acme");

		Invoice written = harness.beforeWrite(WriteOp.INSERT, invoice);

		assertThat(written).isSameAs(invoice);
		assertThat(invoice.getGross()).isEqualByComparingTo("120.48");
		assertThat(invoice.getRounded()).isEqualTo(120L);
		assertThat(invoice.getLabel()).isEqualTo("ACME-120");
	}

	@Test
	void fieldsAreComputedInDeclarationOrderSoLaterOnesSeeEarlierResults() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("total", "quantity * unitPrice");
		fields.put("product", "product + ' x' + quantity + ' = ' + total");
		PluginHarness harness = PluginHarness.of(new ComputedPlugin(new ComputedConfig(Map.of("order_line", fields))));

		OrderLine written = harness.beforeWrite(WriteOp.INSERT,
				new OrderLine(null, "tea", 2, new BigDecimal("1.5"), null));

		assertThat(written.product()).isEqualTo("tea x2 = 3.0");
	}

	@Test
	void functionsRoundCoalesceAndChangeCase() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("total", "#round(quantity * #coalesce(unitPrice, 0.333), 2)");
		fields.put("product", "#lower(product)");
		PluginHarness harness = PluginHarness.of(new ComputedPlugin(new ComputedConfig(Map.of("order_line", fields))));

		OrderLine written = harness.beforeWrite(WriteOp.INSERT, new OrderLine(null, "TEA", 2, null, null));

		assertThat(written.total()).isEqualTo(new BigDecimal("0.67"));
		assertThat(written.product()).isEqualTo("tea");
	}

	@Test
	void missingInputMakesTheComputedFieldNullAsInSql() {
		PluginHarness harness = harness("order_line", "total", "quantity * unitPrice");

		OrderLine written = harness.beforeWrite(WriteOp.INSERT,
				new OrderLine(null, "tea", 2, null, new BigDecimal("99")));

		assertThat(written.total()).isNull();
	}

	@Test
	void valuesThatDoNotComputeRejectTheWriteNamingEveryField() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("total", "unitPrice / (quantity - 2)");
		fields.put("quantity", "100 / (quantity - 2)");
		PluginHarness harness = PluginHarness.of(new ComputedPlugin(new ComputedConfig(Map.of("order_line", fields))));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(
					() -> harness.beforeWrite(WriteOp.INSERT, new OrderLine(null, "tea", 2, new BigDecimal("3"), null)))
			.satisfies((rejection) -> {
				assertThat(rejection.status()).isEqualTo(400);
				assertThat(rejection.plugin()).isEqualTo("computed");
				assertThat(rejection.code()).isEqualTo("validation-failed");
				assertThat(rejection.violations()).extracting(Violation::field, Violation::code)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("total", "not-computable"),
							org.assertj.core.groups.Tuple.tuple("quantity", "not-computable"));
				assertThat(rejection.violations().get(1).message()).startsWith("quantity cannot be computed");
			});
	}

	@Test
	void primitiveFieldThatWouldBeNullIsNotComputable() {
		PluginHarness harness = harness("order_line", "quantity", "unitPrice * 2");

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new OrderLine(null, "tea", 1, null, null)))
			.satisfies((rejection) -> assertThat(rejection.violations()).singleElement()
				.satisfies((violation) -> assertThat(violation.message())
					.isEqualTo("quantity cannot be computed: a value it needs is missing")));
	}

	@Test
	void deletesAndOtherAggregatesAreLeftAlone() {
		PluginHarness harness = harness("order_line", "total", "quantity * unitPrice");
		OrderLine line = new OrderLine(1L, "tea", 2, BigDecimal.ONE, BigDecimal.TEN);

		assertThat(harness.beforeWrite(WriteOp.DELETE, line)).isSameAs(line);
		assertThat(harness.beforeWrite(WriteOp.INSERT, "archived_line", line)).isSameAs(line);
	}

	@Test
	void runsAfterTheOtherDataPluginsAndBeforeValidation() {
		ComputedPlugin plugin = new ComputedPlugin(new ComputedConfig(Map.of()));

		assertThat(plugin.order()).isGreaterThan(PluginOrder.DATA).isLessThan(PluginOrder.VALIDATION);
		assertThat(plugin.id()).isEqualTo(ComputedPlugin.ID).isEqualTo("computed");
	}

	@Test
	void expressionThatDoesNotParseIsRefusedWithItsKeyAndPosition() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ComputedPlugin(config("order_line", "total", "quantity * * unitPrice")))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("fields.order_line.total");
				assertThat(ex.getMessage()).startsWith(
						"Cannot parse 'quantity * * unitPrice' at position 9: EL1042E: Problem parsing right operand.");
			});
	}

	@Test
	void emptyExpressionIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ComputedPlugin(config("order_line", "total", " ")))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("The expression is empty"));
	}

	@Test
	void verifyNamesAnUnknownPropertyItsPositionAndTheClosestKnownOne() {
		ComputedPlugin plugin = new ComputedPlugin(config("order_line", "total", "quantty * unitPrice"));

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("order_line", OrderLine.class))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("fields.order_line.total");
				assertThat(ex.getMessage()).isEqualTo(
						"Unknown property 'quantty' at position 0 in 'quantty * unitPrice'; did you mean 'quantity'? "
								+ "OrderLine has the properties id, product, quantity, unitPrice, total.");
			});
	}

	@Test
	void verifyNamesAnUnknownComputedProperty() {
		ComputedPlugin plugin = new ComputedPlugin(config("order_line", "totl", "quantity * unitPrice"));

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("order_line", OrderLine.class))
			.withMessageStartingWith("Unknown property 'totl' of OrderLine to compute; did you mean 'total'?");
	}

	@Test
	void verifyAcceptsKnownPropertiesAndIgnoresOtherAggregates() {
		ComputedPlugin plugin = new ComputedPlugin(config("order_line", "total", "quantity * unitPrice"));

		plugin.verify("order_line", OrderLine.class);
		plugin.verify("invoice", Invoice.class);

		assertThat(plugin.aggregates()).containsExactly("order_line");
	}

	@Test
	void firstWriteOfAClassWithAnUnknownPropertyIsAPluginFault() {
		PluginHarness harness = harness("order_line", "total", "quantity * price");

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new OrderLine(null, "tea", 1, BigDecimal.ONE, null)))
			.satisfies((fault) -> {
				assertThat(fault.pluginId()).isEqualTo("computed");
				assertThat(fault.getCause()).hasMessageContaining("Unknown property 'price' at position 11");
			});
	}

	private static PluginHarness harness(String aggregate, String property, String expression) {
		return PluginHarness.of(new ComputedPlugin(config(aggregate, property, expression)));
	}

	static ComputedConfig config(String aggregate, String property, String expression) {
		return new ComputedConfig(Map.of(aggregate, Map.of(property, expression)));
	}

	/**
	 * An order line, a record.
	 */
	record OrderLine(@Nullable Long id, String product, int quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal total) {
	}

	/**
	 * An invoice, a JavaBean.
	 */
	static class Invoice {

		private final BigDecimal net;

		private final double taxRate;

		private final String customer;

		private @Nullable BigDecimal gross;

		private @Nullable Long rounded;

		private @Nullable String label;

		Invoice(BigDecimal net, double taxRate, String customer) {
			this.net = net;
			this.taxRate = taxRate;
			this.customer = customer;
		}

		public BigDecimal getNet() {
			return this.net;
		}

		public double getTaxRate() {
			return this.taxRate;
		}

		public String getCustomer() {
			return this.customer;
		}

		public @Nullable BigDecimal getGross() {
			return this.gross;
		}

		public void setGross(@Nullable BigDecimal gross) {
			this.gross = gross;
		}

		public @Nullable Long getRounded() {
			return this.rounded;
		}

		public void setRounded(@Nullable Long rounded) {
			this.rounded = rounded;
		}

		public @Nullable String getLabel() {
			return this.label;
		}

		public void setLabel(@Nullable String label) {
			this.label = label;
		}

	}

}
