package dev.plugboard.test;

import org.junit.jupiter.api.Test;

import dev.plugboard.AfterReadContext;
import dev.plugboard.AfterReadPlugin;
import dev.plugboard.NotFound;
import dev.plugboard.OnError;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Driving an after-read hook with {@link PluginHarness#afterRead}.
 */
class AfterReadHarnessTests {

	private final PluginHarness harness = PluginHarness.of(new TenantPlugin())
		.during(TestRequest.get("/invoices").header("X-Tenant", "acme"));

	@Test
	void entityOfTheRequestsTenantIsReturnedRedacted() {
		Invoice read = this.harness.afterRead(new Invoice("acme", "4111 1111 1111 1111"));

		assertThat(read).isEqualTo(new Invoice("acme", "****"));
	}

	@Test
	void entityOfAnotherTenantIsHidden() {
		assertThat(this.harness.afterRead(new Invoice("globex", "4111 1111 1111 1111"))).isNull();
	}

	@Test
	void readOutsideARequestSeesNoRequest() {
		PluginHarness outside = PluginHarness.of(new TenantPlugin());

		assertThatExceptionOfType(NotFound.class).isThrownBy(() -> outside.afterRead(new Invoice("acme", "1")))
			.satisfies((rejection) -> assertThat(rejection.plugin()).isEqualTo("tenant"));
		assertThat(outside.faults()).isZero();
	}

	@Test
	void entitiesRestrictionAppliesToTheAggregateNamedAfterTheClass() {
		Invoice globex = new Invoice("globex", "1");

		assertThat(this.harness.withEntities("invoice").afterRead(globex)).isNull();
		assertThat(this.harness.withEntities("orders").afterRead(globex)).isSameAs(globex);
		assertThat(this.harness.withEntities("bills").afterRead("bills", globex)).isNull();
	}

	@Test
	void faultFailsTheReadWhenThePluginFailsClosedAndKeepsTheEntityWhenItFailsOpen() {
		Invoice broken = new Invoice("acme", null);

		assertThatExceptionOfType(PluginFaultException.class).isThrownBy(() -> this.harness.afterRead(broken))
			.satisfies((fault) -> assertThat(fault.pluginId()).isEqualTo("tenant"));
		PluginHarness failOpen = this.harness.withOnError(OnError.FAIL_OPEN);
		assertThat(failOpen.afterRead(broken)).isSameAs(broken);
		assertThat(failOpen.faults()).isOne();
	}

	@Test
	void pluginWithoutAnAfterReadHookIsRefused() {
		PluginHarness harness = PluginHarness.of(new BeforeWriteHarnessTests.SlugPlugin());

		assertThatIllegalStateException().isThrownBy(() -> harness.afterRead(new Invoice("acme", "1")))
			.withMessageContaining("after-read");
	}

	record Invoice(String tenant, String card) {
	}

	/**
	 * Shows a request's tenant only its own invoices, with the card number masked; fails
	 * closed.
	 */
	static final class TenantPlugin implements AfterReadPlugin {

		@Override
		public String id() {
			return "tenant";
		}

		@Override
		public OnError onError() {
			return OnError.FAIL_CLOSED;
		}

		@Override
		public void afterRead(AfterReadContext read) {
			RequestContext request = read.request();
			if (request == null) {
				throw new NotFound("Invoices are only read during a request");
			}
			Invoice invoice = read.entity(Invoice.class);
			if (!invoice.tenant().equals(request.header("X-Tenant"))) {
				read.hide();
				return;
			}
			read.setEntity(new Invoice(invoice.tenant(), invoice.card().isEmpty() ? "" : "****"));
		}

	}

}
