package dev.plugboard.sample;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.plugboard.runtime.PluginRegistry;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiles {@code bench/wrk-compare.sh} starts its third server with: each runs
 * exactly the plugins its figure in the README names, so a plugin added to the sample's
 * {@code application.yml} cannot slip into a measurement unnoticed.
 */
class BenchProfilesIntegrationTests {

	@Test
	void requestPathProfileRunsTheFourMeasuredPluginsOnly() {
		try (ConfigurableApplicationContext context = start("bench,bench-request-path")) {
			assertThat(context.getBean(PluginRegistry.class).enabled()).extracting(RegisteredPlugin::id)
				.containsExactlyInAnyOrder("request-id", "security-headers", "cors", "rate-limit");
		}
	}

	@Test
	void noOpProfileRunsTheTenNoOpPluginsOnly() {
		try (ConfigurableApplicationContext context = start("bench,noop-plugins")) {
			assertThat(context.getBean(PluginRegistry.class).enabled()).extracting(RegisteredPlugin::id)
				.containsExactlyInAnyOrder(
						IntStream.rangeClosed(1, 10).mapToObj((i) -> "no-op-" + i).toArray(String[]::new));
		}
	}

	private static ConfigurableApplicationContext start(String profiles) {
		return new SpringApplication(SampleApplication.class).run("--spring.profiles.active=" + profiles,
				"--server.port=0", "--spring.jmx.enabled=false");
	}

}
