package dev.plugboard.autoconfigure.computed;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.plugboard.ValidationFailed;
import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.assertProblem;
import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.errors;
import static dev.plugboard.autoconfigure.aggregate.BuiltInTesting.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code computed} built-in through the starter, configured by a YAML manifest, on
 * real Spring Data JDBC repositories. Each subclass runs it against one database.
 */
@SpringBootTest(classes = ComputedTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=classpath:plugboard-computed/manifest.yml", "spring.sql.init.mode=always",
				"spring.sql.init.schema-locations=classpath:plugboard-computed/schema.sql" })
abstract class AbstractComputedIntegrationTests {

	@Autowired
	private OrderLineRepository lines;

	@Autowired
	private InvoiceRepository invoices;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PluginRegistry registry;

	@LocalServerPort
	private int port;

	@BeforeEach
	void clean() {
		this.jdbc.update("DELETE FROM order_line");
		this.jdbc.update("DELETE FROM invoice");
	}

	@Test
	void pluginIsABuiltInInTheDataSlot() {
		assertThat(this.registry.enabled()).filteredOn((plugin) -> plugin.id().equals("computed"))
			.singleElement()
			.satisfies((plugin) -> {
				assertThat(plugin.order()).isEqualTo(750);
				assertThat(plugin.hookNames()).containsExactly("before-write");
			});
		assertThat(this.registry.enabled()).extracting(RegisteredPlugin::id).containsExactly("computed");
	}

	@Test
	void totalOfARecordIsComputedAndStoredOnInsert() {
		OrderLine saved = this.lines.save(new OrderLine(null, "tea", 3, new BigDecimal("2.49"), null));

		assertThat(saved.total()).isEqualTo(new BigDecimal("7.47"));
		assertThat(this.jdbc.queryForObject("SELECT total FROM order_line WHERE id = ?", BigDecimal.class, saved.id()))
			.isEqualByComparingTo("7.47");
	}

	@Test
	void totalIsComputedAgainOnUpdateWhateverTheClientSent() {
		OrderLine saved = this.lines.save(new OrderLine(null, "tea", 3, new BigDecimal("2.00"), null));

		this.lines.save(new OrderLine(saved.id(), "tea", 5, new BigDecimal("2.00"), new BigDecimal("1.00")));

		assertThat(this.jdbc.queryForObject("SELECT total FROM order_line WHERE id = ?", BigDecimal.class, saved.id()))
			.isEqualByComparingTo("10.00");
	}

	@Test
	void missingInputStoresANullTotal() {
		OrderLine saved = this.lines.save(new OrderLine(null, "tea", 3, null, new BigDecimal("9")));

		assertThat(this.jdbc.queryForObject("SELECT total FROM order_line WHERE id = ?", BigDecimal.class, saved.id()))
			.isNull();
	}

	@Test
	void fieldsOfAJavaBeanAreComputedInOrderAndStored() {
		Invoice invoice = this.invoices.save(new Invoice("acme", new BigDecimal("100.00"), new BigDecimal("0.2"), 4));

		assertThat(invoice.getGross()).isEqualTo(new BigDecimal("120.00"));
		Map<String, Object> row = this.jdbc.queryForMap("SELECT gross, share, label FROM invoice WHERE id = ?",
				invoice.getId());
		assertThat((BigDecimal) row.get("gross")).isEqualByComparingTo("120.00");
		assertThat((BigDecimal) row.get("share")).isEqualByComparingTo("30.00");
		assertThat(row.get("label")).isEqualTo("ACME 120.00");
	}

	@Test
	void orderLinePostedOverHttpIsAnsweredWithItsComputedTotal() {
		HttpResponse<String> response = send("POST", url("/order-lines"),
				"{\"product\":\"coffee\",\"quantity\":2,\"unitPrice\":4.25}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"total\":8.50");
		assertThat(this.jdbc.queryForObject("SELECT total FROM order_line WHERE product = 'coffee'", BigDecimal.class))
			.isEqualByComparingTo("8.50");
	}

	@Test
	void valuesThatDoNotComputeAnswer400ProblemJsonAndLeaveTheRowUnchanged() {
		Invoice invoice = this.invoices.save(new Invoice("acme", new BigDecimal("100.00"), new BigDecimal("0.2"), 4));

		HttpResponse<String> response = send("PUT", url("/invoices/" + invoice.getId()), "{\"net\":200,\"parts\":0}");

		assertProblem(response, 400, "computed");
		assertThat(response.body()).contains("\"code\":\"validation-failed\"");
		assertThat(errors(response)).singleElement().satisfies((error) -> {
			assertThat(error).containsEntry("field", "share").containsEntry("code", "not-computable");
			assertThat((String) error.get("message")).startsWith("share cannot be computed: arithmetic error");
		});
		Map<String, Object> row = this.jdbc.queryForMap("SELECT net, parts, gross, share FROM invoice WHERE id = ?",
				invoice.getId());
		assertThat((BigDecimal) row.get("net")).isEqualByComparingTo("100.00");
		assertThat(((Number) row.get("parts")).intValue()).isEqualTo(4);
		assertThat((BigDecimal) row.get("gross")).isEqualByComparingTo("120.00");
		assertThat((BigDecimal) row.get("share")).isEqualByComparingTo("30.00");
	}

	@Test
	void rejectionThroughTheRepositoryStoresNothing() {
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> this.invoices.save(new Invoice("acme", BigDecimal.TEN, BigDecimal.ZERO, 0)))
			.satisfies((rejection) -> assertThat(rejection.plugin()).isEqualTo("computed"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isZero();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
