package dev.plugboard.builtin.validation;

import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.PluginOrder;
import dev.plugboard.ValidationFailed;
import dev.plugboard.ValidationFailed.Violation;
import dev.plugboard.WriteOp;
import dev.plugboard.builtin.validation.ValidationConfig.Rule;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.PluginHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The validation plugin's declared rules, custom rules and Bean Validation, driven
 * through {@link PluginHarness}.
 */
class ValidationPluginTests {

	private static final ValidatorFactory validatorFactory = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory();

	@AfterAll
	static void closeValidatorFactory() {
		validatorFactory.close();
	}

	@Test
	void everyFailingFieldIsReportedWithItsCodeAndMessage() {
		PluginHarness harness = harness(Map.of("name", List.of(Rule.required(), Rule.length(2, 50)), "email",
				List.of(Rule.required(), Rule.email()), "status", List.of(Rule.oneOf("active", "blocked")), "age",
				List.of(Rule.min(18), Rule.max(130)), "code", List.of(Rule.pattern("[A-Z]{3}-\\d+"))));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(
					() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "A", "not-an-email", "gone", 12, "abc")))
			.satisfies((rejection) -> {
				assertThat(rejection.status()).isEqualTo(400);
				assertThat(rejection.plugin()).isEqualTo("validation");
				assertThat(rejection.code()).isEqualTo("validation-failed");
				assertThat(rejection.detail()).isEqualTo("5 fields are invalid");
				assertThat(rejection.violations()).extracting(Violation::field, Violation::code, Violation::message)
					.containsExactlyInAnyOrder(tuple("name", "length", "name must be between 2 and 50 characters long"),
							tuple("email", "email", "email must be a well-formed email address"),
							tuple("status", "one-of", "status must be one of active, blocked"),
							tuple("age", "min", "age must be at least 18"),
							tuple("code", "pattern", "code must match the pattern [A-Z]{3}-\\d+"));
			});
	}

	@Test
	void validEntityIsWrittenAsItIs() {
		PluginHarness harness = harness(Map.of("name", List.of(Rule.required(), Rule.length(2, null)), "email",
				List.of(Rule.email()), "age", List.of(Rule.min(18), Rule.max(130))));
		Member member = new Member(null, "Ada", "ada.lovelace@example.co.uk", "active", 36, null);

		assertThat(harness.beforeWrite(WriteOp.INSERT, member)).isSameAs(member);
		assertThat(harness.beforeWrite(WriteOp.UPDATE, member)).isSameAs(member);
	}

	@Test
	void requiredRefusesNullAndBlankTextWhileOtherRulesPassNull() {
		PluginHarness harness = harness(
				Map.of("name", List.of(Rule.required()), "email", List.of(Rule.email()), "age", List.of(Rule.min(18))));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "  ", null, null, null, null)))
			.satisfies((rejection) -> {
				assertThat(rejection.violations())
					.containsExactly(new Violation("name", "required", "name is required"));
				assertThat(rejection.detail()).isEqualTo("name is required");
			});
	}

	@Test
	void fieldThatFailsRequiredIsNotCheckedFurther() {
		PluginHarness harness = harness(
				Map.of("name", List.of(Rule.required(), Rule.length(2, 50), Rule.pattern("\\w+"))));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "", null, null, null, null)))
			.satisfies((rejection) -> assertThat(rejection.violations()).extracting(Violation::code)
				.containsExactly("required"));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "-", null, null, null, null)))
			.satisfies((rejection) -> assertThat(rejection.violations()).extracting(Violation::code)
				.containsExactly("length", "pattern"));
	}

	@Test
	void messageFromTheManifestReplacesTheRulesOwn() {
		PluginHarness harness = harness(
				Map.of("code", List.of(Rule.pattern("[A-Z]+").withMessage("code is upper case"))));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "Ada", null, null, null, "abc")))
			.satisfies((rejection) -> assertThat(rejection.violations())
				.containsExactly(new Violation("code", "pattern", "code is upper case")));
	}

	@Test
	void emailRuleKnowsWellFormedAddresses() {
		PluginHarness harness = harness(Map.of("email", List.of(Rule.email())));
		for (String valid : List.of("a@b.io", "first.last+tag@sub.example.com", "zoë@exämple.de", "x_y@a-b.org")) {
			harness.beforeWrite(WriteOp.INSERT, new Member(null, "n", valid, null, null, null));
		}
		for (String invalid : List.of("plain", "a@b", "@example.com", "a@@b.com", "a b@c.com", "a@b..com", ".a@b.com",
				"a@-b.com", "a@b.com.")) {
			assertThatExceptionOfType(ValidationFailed.class).as(invalid)
				.isThrownBy(
						() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "n", invalid, null, null, null)));
		}
	}

	@Test
	void deletesAndOtherAggregatesAreNotValidated() {
		PluginHarness harness = harness(Map.of("name", List.of(Rule.required())));
		Member blank = new Member(1L, "", null, null, null, null);

		assertThat(harness.beforeWrite(WriteOp.DELETE, blank)).isSameAs(blank);
		assertThat(harness.beforeWrite(WriteOp.INSERT, "former_member", blank)).isSameAs(blank);
	}

	@Test
	void runsInTheValidationSlot() {
		ValidationPlugin plugin = new ValidationPlugin(new ValidationConfig(Map.of()), List.of(), null, null);

		assertThat(plugin.order()).isEqualTo(PluginOrder.VALIDATION);
		assertThat(plugin.id()).isEqualTo(ValidationPlugin.ID).isEqualTo("validation");
	}

	@Test
	void customRuleIsUsedByItsNameWithItsArguments() {
		ValidationConfig config = config(Map.of("code", List.of(Rule.of("prefixed", Map.of("prefix", "AB")))));
		PluginHarness harness = PluginHarness.of(new ValidationPlugin(config, List.of(new PrefixRule()), null, null));

		harness.beforeWrite(WriteOp.INSERT, new Member(null, "Ada", null, null, null, "AB-1"));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "Ada", null, null, null, "XY-1")))
			.satisfies((rejection) -> assertThat(rejection.violations())
				.containsExactly(new Violation("code", "prefixed", "code must start with AB")));
	}

	@Test
	void unknownRuleIsRefusedNamingItAndTheKnownRules() {
		ValidationConfig config = config(Map.of("code", List.of(Rule.required(), Rule.of("prefixd"))));

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ValidationPlugin(config, List.of(new PrefixRule()), null, null))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("rules.member.code[1]");
				assertThat(ex.getMessage())
					.isEqualTo("Unknown rule 'prefixd'; did you mean 'prefixed'? The known rules are "
							+ "required, min, max, length, pattern, email, one-of, unique, prefixed "
							+ "(a custom rule is a ValidationRule bean, known by its name()).");
			});
	}

	@Test
	void customRuleCannotTakeABuiltInName() {
		ValidationRule email = new PrefixRule() {

			@Override
			public String name() {
				return "email";
			}

		};

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ValidationPlugin(config(Map.of()), List.of(email), null, null))
			.withMessageContaining("is named 'email', the name of a built-in rule");
	}

	@Test
	void twoCustomRulesCannotShareAName() {
		assertThatExceptionOfType(PluginConfigurationException.class).isThrownBy(
				() -> new ValidationPlugin(config(Map.of()), List.of(new PrefixRule(), new PrefixRule()), null, null))
			.withMessageStartingWith("Two custom rules are named 'prefixed'");
	}

	@Test
	void rulesWithMissingOrInvalidArgumentsAreRefused() {
		assertRefused(Rule.of("length", Map.of()), "rules.member.name[0].length",
				"Rule 'length' needs 'min', 'max' or both");
		assertRefused(Rule.length(5, 2), "rules.member.name[0].length", "Rule 'length' needs 0 <= min <= max");
		assertRefused(Rule.pattern("[a-"), "rules.member.name[0].pattern",
				"Rule 'pattern' has '[a-', which is not a regular expression");
		assertRefused(Rule.of("min", Map.of("value", "lots")), "rules.member.name[0].min",
				"Rule 'min' needs 'value' to be a number, but has 'lots'");
		assertRefused(Rule.of("max"), "rules.member.name[0].max", "Rule 'max' needs a number");
		assertRefused(Rule.oneOf(), "rules.member.name[0].one-of", "Rule 'one-of' needs the allowed values");
		assertRefused(Rule.unique(), "rules.member.name[0]", "Rule 'unique' queries the table");
		assertRefused(Rule.of("email", Map.of("strict", true)), "rules.member.name[0].email",
				"Rule 'email' takes no argument strict");
		assertRefused(new Rule(" ", Map.of(), null), "rules.member.name[0]", "The rule has no name");
	}

	private static void assertRefused(Rule rule, String key, String message) {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new ValidationPlugin(config(Map.of("name", List.of(rule))), List.of(), null, null))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo(key);
				assertThat(ex.getMessage()).startsWith(message);
			});
	}

	@Test
	void verifyNamesAnUnknownFieldAndTheClosestProperty() {
		ValidationPlugin plugin = new ValidationPlugin(config(Map.of("emial", List.of(Rule.required()))), List.of(),
				null, null);

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("member", Member.class))
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("rules.member.emial");
				assertThat(ex.getMessage()).isEqualTo("Unknown property 'emial' of Member; did you mean 'email'? "
						+ "Member has the properties id, name, email, status, age, code.");
			});
	}

	@Test
	void verifyRefusesRulesThatDoNotFitThePropertysType() {
		assertMisfit(Rule.min(1), "name", "Rule 'min' applies to numbers, but Member.name is a String.");
		assertMisfit(Rule.length(1, 2), "age", "Rule 'length' applies to text, but Member.age is a Integer.");
		assertMisfit(Rule.email(), "age", "Rule 'email' applies to text, but Member.age is a Integer.");
		assertMisfit(Rule.pattern("x"), "age", "Rule 'pattern' applies to text, but Member.age is a Integer.");
	}

	private static void assertMisfit(Rule rule, String field, String message) {
		ValidationPlugin plugin = new ValidationPlugin(config(Map.of(field, List.of(rule))), List.of(), null, null);
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("member", Member.class))
			.withMessage(message);
	}

	@Test
	void oneOfOnAnEnumAllowsOnlyItsConstants() {
		ValidationPlugin plugin = new ValidationPlugin(
				new ValidationConfig(Map.of("ticket", Map.of("state", List.of(Rule.oneOf("OPEN", "SHUT"))))), List.of(),
				null, null);

		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> plugin.verify("ticket", Ticket.class))
			.withMessage("Rule 'one-of' allows 'SHUT', which is not a constant of State (Ticket.state): "
					+ "OPEN, CLOSED, ARCHIVED.");
		PluginHarness harness = PluginHarness.of(new ValidationPlugin(
				new ValidationConfig(Map.of("ticket", Map.of("state", List.of(Rule.oneOf("OPEN", "CLOSED"))))),
				List.of(), null, null));
		harness.beforeWrite(WriteOp.INSERT, new Ticket(State.OPEN));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Ticket(State.ARCHIVED)));
	}

	@Test
	void firstWriteOfAClassWithAnUnknownFieldIsAPluginFault() {
		PluginHarness harness = harness(Map.of("nickname", List.of(Rule.required())));

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Member(null, "Ada", null, null, null, null)))
			.satisfies((fault) -> assertThat(fault.getCause())
				.hasMessageStartingWith("Plugin 'validation' cannot validate rules.member.nickname: "
						+ "Unknown property 'nickname' of Member."));
	}

	@Test
	void beanValidationAnnotationsAreEnforcedWithTheDeclaredRules() {
		Validator validator = validatorFactory.getValidator();
		PluginHarness harness = PluginHarness
			.of(new ValidationPlugin(new ValidationConfig(Map.of("product", Map.of("price", List.of(Rule.min(0))))),
					List.of(), null, BeanValidation.of(validator)));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.INSERT, new Product(" ", "ABCDEFGHIJK", -1)))
			.satisfies((rejection) -> assertThat(rejection.violations())
				.extracting(Violation::field, Violation::code, Violation::message)
				.containsExactly(tuple("price", "min", "price must be at least 0"),
						tuple("name", "not-blank", "name must not be blank"),
						tuple("sku", "size", "sku size must be between 0 and 10")));
		Product valid = new Product("Tea", "TEA-1", 3);
		assertThat(harness.beforeWrite(WriteOp.INSERT, valid)).isSameAs(valid);
	}

	@Test
	void entitiesWithoutConstraintsPassBeanValidation() {
		PluginHarness harness = PluginHarness.of(new ValidationPlugin(new ValidationConfig(Map.of()), List.of(), null,
				BeanValidation.of(validatorFactory.getValidator())));
		Member member = new Member(null, "", "", "", -5, "");

		assertThat(harness.beforeWrite(WriteOp.INSERT, member)).isSameAs(member);
	}

	private static PluginHarness harness(Map<String, List<Rule>> fields) {
		return PluginHarness.of(new ValidationPlugin(config(fields), List.of(), null, null));
	}

	static ValidationConfig config(Map<String, List<Rule>> fields) {
		return new ValidationConfig(Map.of("member", fields));
	}

	/**
	 * A member, a record.
	 */
	record Member(@Nullable Long id, @Nullable String name, @Nullable String email, @Nullable String status,
			@Nullable Integer age, @Nullable String code) {
	}

	/**
	 * A product, with Bean Validation annotations.
	 */
	record Product(@NotBlank String name, @Size(max = 10) String sku, int price) {
	}

	/**
	 * A ticket with an enum state.
	 */
	record Ticket(State state) {
	}

	/**
	 * A ticket's states.
	 */
	enum State {

		OPEN, CLOSED, ARCHIVED

	}

	/**
	 * A custom rule: the text starts with the {@code prefix} argument.
	 */
	static class PrefixRule implements ValidationRule {

		@Override
		public String name() {
			return "prefixed";
		}

		@Override
		public List<Violation> validate(@Nullable Object value, Context context) {
			String prefix = context.arguments().get("prefix");
			if (value == null || value.toString().startsWith(prefix)) {
				return List.of();
			}
			return List.of(context.violation(context.field() + " must start with " + prefix));
		}

	}

}
