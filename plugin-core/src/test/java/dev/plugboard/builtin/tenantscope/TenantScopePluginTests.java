package dev.plugboard.builtin.tenantscope;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.plugboard.NotFound;
import dev.plugboard.PluginConfigurationException;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The tenant-scope plugin through {@link PluginHarness}: stamping, refusing other
 * tenants' rows with a 404, hiding them from reads, and requests without a tenant.
 */
class TenantScopePluginTests {

	private static final TestRequest ACME = TestRequest.get("/projects").header("X-Tenant-Id", "acme");

	private final TenantScopePlugin plugin = new TenantScopePlugin(new TenantScopeConfig("tenantId", Set.of(), null),
			TenantResolver.header("X-Tenant-Id"));

	private final PluginHarness harness = PluginHarness.of(this.plugin);

	@Test
	void insertStampsTheRequestsTenantOverWhateverTheEntityCarried() {
		Project written = this.harness.during(ACME).beforeWrite(WriteOp.INSERT, new Project(null, "Apollo", "globex"));

		assertThat(written.tenantId()).isEqualTo("acme");
	}

	@Test
	void updateOfTheTenantsOwnRowPassesAndCannotMoveIt() {
		Project written = this.harness.withPrevious(new Project(1L, "Apollo", "acme"))
			.during(ACME)
			.beforeWrite(WriteOp.UPDATE, new Project(1L, "Apollo 11", "globex"));

		assertThat(written).isEqualTo(new Project(1L, "Apollo 11", "acme"));
	}

	@Test
	void updateAndDeleteOfAnotherTenantsRowAreNotFound() {
		PluginHarness globexRow = this.harness.withPrevious(new Project(1L, "Secret", "globex")).during(ACME);

		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> globexRow.beforeWrite(WriteOp.UPDATE, new Project(1L, "Mine now", "acme")))
			.satisfies((rejection) -> {
				assertThat(rejection.status()).isEqualTo(404);
				assertThat(rejection.plugin()).isEqualTo("tenant-scope");
				assertThat(rejection.code()).isEqualTo("not-found");
				assertThat(rejection.detail()).isEqualTo("No project with this id");
			});
		assertThatExceptionOfType(NotFound.class)
			.isThrownBy(() -> globexRow.beforeWrite(WriteOp.DELETE, new Project(1L, "Secret", "acme")));
	}

	@Test
	void readsHideOtherTenantsRows() {
		PluginHarness acme = this.harness.during(ACME);

		assertThat(acme.afterRead(new Project(1L, "Apollo", "acme"))).isNotNull();
		assertThat(acme.afterRead(new Project(2L, "Secret", "globex"))).isNull();
	}

	@Test
	void requestWithoutATenantIsRefusedOnScopedEntities() {
		PluginHarness anonymous = this.harness.during(TestRequest.get("/projects"));

		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> anonymous.afterRead(new Project(1L, "Apollo", "acme")))
			.satisfies((rejection) -> {
				assertThat(rejection.status()).isEqualTo(400);
				assertThat(rejection.code()).isEqualTo("tenant-required");
				assertThat(rejection.plugin()).isEqualTo("tenant-scope");
			});
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> anonymous.beforeWrite(WriteOp.INSERT, new Project(null, "Apollo", null)));
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> this.harness.during(TestRequest.get("/projects").header("X-Tenant-Id", "  "))
				.afterRead(new Project(1L, "Apollo", "acme")));
	}

	@Test
	void entitiesWithoutTheFieldAreNotScoped() {
		Label label = new Label(1L, "red");

		assertThat(this.harness.during(TestRequest.get("/labels")).afterRead(label)).isSameAs(label);
		assertThat(this.harness.during(TestRequest.get("/labels")).beforeWrite(WriteOp.INSERT, label)).isSameAs(label);
	}

	@Test
	void workOutsideARequestIsUnscopedSystemWork() {
		Project project = new Project(null, "Nightly", "globex");

		assertThat(this.harness.beforeWrite(WriteOp.INSERT, project)).isSameAs(project);
		assertThat(this.harness.afterRead(project)).isSameAs(project);
	}

	@Test
	void onlyListedAggregatesAreScoped() {
		PluginHarness scoped = PluginHarness.of(new TenantScopePlugin(
				new TenantScopeConfig("tenantId", Set.of("task"), null), TenantResolver.header("X-Tenant-Id")));

		assertThat(scoped.during(ACME).afterRead("project", new Project(2L, "Secret", "globex"))).isNotNull();
		assertThat(scoped.during(ACME).afterRead("task", new Project(2L, "Secret", "globex"))).isNull();
	}

	@Test
	void numericAndUuidTenantsAreConvertedAndABadOneIsA400() {
		PluginHarness harness = PluginHarness.of(new TenantScopePlugin(new TenantScopeConfig("ownerId", Set.of(), null),
				TenantResolver.attribute("tenant")));
		UUID owner = UUID.randomUUID();

		Ticket written = harness.during(TestRequest.get("/").attribute("tenant", owner.toString().toUpperCase()))
			.beforeWrite(WriteOp.INSERT, new Ticket(null, null));
		assertThat(written.ownerId()).isEqualTo(owner);
		assertThatExceptionOfType(ValidationFailed.class).isThrownBy(
				() -> harness.during(TestRequest.get("/").attribute("tenant", "nope")).afterRead(new Ticket(1L, owner)))
			.satisfies((rejection) -> assertThat(rejection.code()).isEqualTo("tenant-invalid"));

		PluginHarness numeric = PluginHarness
			.of(new TenantScopePlugin(new TenantScopeConfig("orgId", Set.of(), null), TenantResolver.principalName()));
		assertThat(numeric.during(TestRequest.get("/").principal("42")).afterRead(new Invoice(1L, 42L))).isNotNull();
		assertThat(numeric.during(TestRequest.get("/").principal("42")).afterRead(new Invoice(2L, 43L))).isNull();
	}

	@Test
	void unsupportedTenantTypeIsAFault() {
		PluginHarness harness = PluginHarness.of(new TenantScopePlugin(
				new TenantScopeConfig("tenantId", Set.of(), null), TenantResolver.header("X-Tenant-Id")));

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.during(ACME).beforeWrite(WriteOp.INSERT, new Odd(null, 1.5)));
	}

	@Test
	void configurationIsChecked() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TenantScopeConfig("tenant-id", Set.of(), null))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("field"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new TenantScopeConfig("tenantId", Set.of(), " "))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("admin-role"));
		assertThatNoException().isThrownBy(() -> this.plugin.verify("project", Project.class));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> this.plugin.verify("label", Label.class))
			.withMessageContaining("Label has no property 'tenantId'");
	}

	record Project(@Nullable Long id, String name, @Nullable String tenantId) {
	}

	record Label(Long id, String name) {
	}

	record Ticket(@Nullable Long id, @Nullable UUID ownerId) {
	}

	record Invoice(Long id, Long orgId) {
	}

	record Odd(@Nullable Long id, double tenantId) {
	}

}
