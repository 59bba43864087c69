package dev.plugboard.builtin.immutablefields;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.support.CountingLoads;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The immutable-fields plugin through {@link PluginHarness}: an UPDATE that changes a
 * listed property is refused naming every changed one; everything else passes.
 */
class ImmutableFieldsPluginTests {

	private static final Account STORED = new Account(1L, "ada@example.com", 7L, "Ada", new BigDecimal("1.50"),
			OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC));

	private final ImmutableFieldsPlugin plugin = new ImmutableFieldsPlugin(
			new ImmutableFieldsConfig(Map.of("account", List.of("email", "ownerId", "limit", "openedAt"))));

	@Test
	void updateChangingAListedFieldIsRefusedNamingIt() {
		PluginHarness harness = PluginHarness.of(this.plugin).withPrevious(STORED);

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.UPDATE, STORED.withEmail("eve@example.com")))
			.satisfies((rejection) -> {
				assertThat(rejection.status()).isEqualTo(400);
				assertThat(rejection.plugin()).isEqualTo("immutable-fields");
				assertThat(rejection.code()).isEqualTo("validation-failed");
				assertThat(rejection.violations()).extracting(Violation::field, Violation::code, Violation::message)
					.containsExactly(tuple("email", "immutable", "email cannot change once account is created"));
			});
	}

	@Test
	void everyChangedFieldIsNamed() {
		PluginHarness harness = PluginHarness.of(this.plugin).withPrevious(STORED);
		Account changed = new Account(1L, "eve@example.com", 8L, "Ada", STORED.limit(), null);

		assertThatExceptionOfType(ValidationFailed.class).isThrownBy(() -> harness.beforeWrite(WriteOp.UPDATE, changed))
			.satisfies((rejection) -> assertThat(rejection.violations()).extracting(Violation::field)
				.containsExactly("email", "ownerId", "openedAt"));
	}

	@Test
	void updateChangingOnlyOtherFieldsPasses() {
		Account renamed = new Account(1L, STORED.email(), 7L, "Ada Lovelace", STORED.limit(), STORED.openedAt());

		assertThat(PluginHarness.of(this.plugin).withPrevious(STORED).beforeWrite(WriteOp.UPDATE, renamed))
			.isSameAs(renamed);
	}

	@Test
	void equalValuesInAnotherScaleOrOffsetAreNoChange() {
		Account same = new Account(1L, STORED.email(), 7L, "Ada", new BigDecimal("1.5"),
				STORED.openedAt().withOffsetSameInstant(ZoneOffset.ofHours(2)));

		assertThatNoException()
			.isThrownBy(() -> PluginHarness.of(this.plugin).withPrevious(STORED).beforeWrite(WriteOp.UPDATE, same));
	}

	@Test
	void insertAndDeleteAreLeftAlone() {
		PluginHarness harness = PluginHarness.of(this.plugin).withPrevious(STORED);

		assertThatNoException().isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, STORED.withEmail("x@y.z")));
		assertThatNoException().isThrownBy(() -> harness.beforeWrite(WriteOp.DELETE, STORED.withEmail("x@y.z")));
	}

	@Test
	void updateOfAMissingRowIsLeftToTheRepository() {
		assertThatNoException()
			.isThrownBy(() -> PluginHarness.of(this.plugin).beforeWrite(WriteOp.UPDATE, STORED.withEmail("x@y.z")));
	}

	@Test
	void storedRowIsLoadedOncePerUpdateAndOnlyForListedAggregates() {
		CountingLoads loads = new CountingLoads(this.plugin);

		loads.beforeWrite(WriteOp.UPDATE, "account", STORED, STORED);
		assertThat(loads.loads()).isOne();
		loads.beforeWrite(WriteOp.UPDATE, "note", STORED, STORED);
		loads.beforeWrite(WriteOp.INSERT, "account", STORED, STORED);
		assertThat(loads.loads()).isOne();
	}

	@Test
	void aggregateNamesMatchWithoutCaseOrSeparators() {
		ImmutableFieldsPlugin plugin = new ImmutableFieldsPlugin(
				new ImmutableFieldsConfig(Map.of("orderline", List.of("email"))));

		assertThatExceptionOfType(ValidationFailed.class).isThrownBy(() -> PluginHarness.of(plugin)
			.withPrevious(STORED)
			.beforeWrite(WriteOp.UPDATE, "order_line", STORED.withEmail("eve@example.com")));
	}

	@Test
	void verifyNamesAPropertyTheEntityLacks() {
		ImmutableFieldsPlugin plugin = new ImmutableFieldsPlugin(
				new ImmutableFieldsConfig(Map.of("account", List.of("email", "mail"))));

		assertThatNoException().isThrownBy(() -> this.plugin.verify("account", Account.class));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("account", Account.class))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("fields.account[1]"))
			.withMessage("Account has no property 'mail'; name one of its properties, as written in Java.");
	}

	@Test
	void badPropertyNameOrEmptyListIsAConfigurationError() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ImmutableFieldsConfig(Map.of("account", List.of("e-mail"))))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("fields.account[0]"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ImmutableFieldsConfig(Map.of("account", List.of())))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("fields.account"));
	}

	@Test
	void javaBeansAreComparedThroughTheirGetters() {
		ImmutableFieldsPlugin plugin = new ImmutableFieldsPlugin(
				new ImmutableFieldsConfig(Map.of("ledger", List.of("code"))));
		Ledger stored = new Ledger("A-1");

		assertThatExceptionOfType(ValidationFailed.class).isThrownBy(
				() -> PluginHarness.of(plugin).withPrevious(stored).beforeWrite(WriteOp.UPDATE, new Ledger("B-2")));
		assertThatNoException().isThrownBy(
				() -> PluginHarness.of(plugin).withPrevious(stored).beforeWrite(WriteOp.UPDATE, new Ledger("A-1")));
	}

	record Account(Long id, String email, Long ownerId, String name, BigDecimal limit,
			@Nullable OffsetDateTime openedAt) {

		Account withEmail(String email) {
			return new Account(this.id, email, this.ownerId, this.name, this.limit, this.openedAt);
		}

	}

	static class Ledger {

		private String code;

		Ledger(String code) {
			this.code = code;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

}
