package dev.plugboard.builtin.validation;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.validation.ValidationConfig.Rule;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code unique} rule against a real table in an embedded H2 database, named by
 * {@link TableMapping#conventional()}.
 */
class ValidationPluginUniqueTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.build();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database);

	private final UniqueQueries queries = new UniqueQueries(this.jdbc, TableMapping.conventional());

	ValidationPluginUniqueTests() {
		this.jdbc
			.execute("CREATE TABLE account (id BIGINT PRIMARY KEY, email_address VARCHAR(100), login VARCHAR(50))");
		this.jdbc.update("INSERT INTO account VALUES (1, 'ada@example.com', 'ada')");
		this.jdbc.update("INSERT INTO account VALUES (2, 'grace@example.com', 'grace')");
	}

	@AfterEach
	void shutdown() {
		this.database.shutdown();
	}

	@Test
	void insertOfATakenValueIsRefusedAndAFreeOneIsNot() {
		PluginHarness harness = harness(Map.of("emailAddress", List.of(Rule.unique())));

		harness.beforeWrite(WriteOp.INSERT, new Account(null, "linus@example.com", "linus"));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Account(null, "ada@example.com", "ada2")))
			.satisfies((rejection) -> assertThat(rejection.violations())
				.containsExactly(new Violation("emailAddress", "unique", "emailAddress is already taken")));
	}

	@Test
	void updateKeepingItsOwnValuePassesAndTakingAnothersIsRefused() {
		PluginHarness harness = harness(Map.of("emailAddress", List.of(Rule.unique())));

		harness.beforeWrite(WriteOp.UPDATE, new Account(1L, "ada@example.com", "ada"));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.UPDATE, new Account(1L, "grace@example.com", "ada")));
	}

	@Test
	void columnCanBeNamedExplicitly() {
		PluginHarness harness = harness(Map.of("handle", List.of(Rule.unique("login"))));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Account(null, "new@example.com", "grace")));
	}

	@Test
	void uniqueQueryIsSkippedForAFieldThatFailedAnotherRule() {
		PluginHarness harness = PluginHarness.of(new ValidationPlugin(
				new ValidationConfig(
						Map.of("no_such_table", Map.of("emailAddress", List.of(Rule.email(), Rule.unique())))),
				List.of(), this.queries, null));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, "no_such_table", new Account(null, "nope", "x")))
			.satisfies((rejection) -> assertThat(rejection.violations()).extracting(Violation::code)
				.containsExactly("email"));
	}

	@Test
	void columnThatIsNotAnIdentifierIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ValidationPlugin(
					new ValidationConfig(
							Map.of("account", Map.of("handle", List.of(Rule.unique("login; DROP TABLE x"))))),
					List.of(), this.queries, null))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("rules.account.handle[0].unique.column"));
	}

	@Test
	void entityWithoutAnIdPropertyCannotBeUnique() {
		ValidationPlugin plugin = new ValidationPlugin(
				new ValidationConfig(Map.of("label", Map.of("text", List.of(Rule.unique())))), List.of(), this.queries,
				null);

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("label", Label.class))
			.withMessage("Rule 'unique' leaves the row itself out on an update by its id, but Label has no id "
					+ "property (annotated @Id, or named id).");
	}

	@Test
	void conventionalMappingFindsTheIdByItsAnnotation() {
		assertThat(TableMapping.conventional().idProperty(Keyed.class)).isEqualTo("key");
		assertThat(TableMapping.conventional().idProperty(Account.class)).isEqualTo("id");
		assertThat(TableMapping.conventional().column(Account.class, "emailAddress")).isEqualTo("email_address");
	}

	private PluginHarness harness(Map<String, List<Rule>> fields) {
		return PluginHarness
			.of(new ValidationPlugin(new ValidationConfig(Map.of("account", fields)), List.of(), this.queries, null));
	}

	/**
	 * An account: its handle is stored in the {@code login} column.
	 */
	record Account(@Nullable Long id, String emailAddress, String handle) {
	}

	/**
	 * An entity without an id.
	 */
	record Label(String text) {
	}

	/**
	 * An entity whose id is annotated.
	 */
	record Keyed(@org.springframework.data.annotation.Id String key, String value) {
	}

}
