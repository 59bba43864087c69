package dev.plugboard.builtin.maintenance;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceModePluginTests {

	private final MaintenanceModePlugin plugin = new MaintenanceModePlugin(
			MaintenanceConfig.defaults().withAllowedRoles("OPERATOR"));

	private final PluginHarness harness = PluginHarness.of(this.plugin);

	@Test
	void offByDefaultAndRequestsPass() {
		assertThat(this.plugin.isActive()).isFalse();
		assertThat(this.harness.beforeRequest(TestRequest.get("/orders")).passed()).isTrue();
	}

	@Test
	void onRefusesWith503RetryAfterAndProblemBody() {
		this.plugin.setActive(true);
		RequestResult result = this.harness.beforeRequest(TestRequest.post("/orders"));
		assertThat(result.status()).isEqualTo(503);
		assertThat(result.header("Retry-After")).isEqualTo("300");
		assertThat(result.rejection().code()).isEqualTo("maintenance");
		assertThat(result.rejection().plugin()).isEqualTo("maintenance-mode");
		assertThat(result.body()).contains("\"detail\":\"" + MaintenanceConfig.DEFAULT_MESSAGE + "\"");
	}

	@Test
	void allowedPathsAndRolesPassWhileOn() {
		this.plugin.setActive(true);
		assertThat(this.harness.beforeRequest(TestRequest.post("/actuator/maintenance")).passed()).isTrue();
		assertThat(this.harness.beforeRequest(TestRequest.get("/orders").principal("op")).status()).isEqualTo(503);
	}

	@Test
	void switchingOffLetsRequestsThroughAgain() {
		this.plugin.setActive(true);
		assertThat(this.harness.beforeRequest(TestRequest.get("/orders")).status()).isEqualTo(503);
		this.plugin.setActive(false);
		assertThat(this.harness.beforeRequest(TestRequest.get("/orders")).passed()).isTrue();
	}

	@Test
	void initialStateComesFromTheConfiguration() {
		MaintenanceModePlugin on = new MaintenanceModePlugin(new MaintenanceConfig(true,
				java.time.Duration.ofSeconds(90), List.of("/health"), List.of(), "Back soon"));
		RequestResult result = PluginHarness.of(on).beforeRequest(TestRequest.get("/orders"));
		assertThat(result.header("Retry-After")).isEqualTo("90");
		assertThat(result.rejection().detail()).isEqualTo("Back soon");
		assertThat(PluginHarness.of(on).beforeRequest(TestRequest.get("/health")).passed()).isTrue();
	}

}
