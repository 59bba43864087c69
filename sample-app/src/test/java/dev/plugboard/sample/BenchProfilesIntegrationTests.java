package dev.plugboard.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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

	@Test
	void staticHeadersControlAddsTheSameHeaderLinesWithPlugboardOff() throws Exception {
		try (ConfigurableApplicationContext context = start("bench-static-headers", "--plugboard.enabled=false")) {
			assertThat(context.getBeanProvider(PluginRegistry.class).getIfAvailable()).isNull();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users")).build(),
						HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().allValues("Vary"))
				.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
			assertThat(response.headers().map()).containsKeys("x-request-id", "access-control-allow-origin",
					"ratelimit-policy", "ratelimit", "x-content-type-options", "x-frame-options", "referrer-policy",
					"permissions-policy", "content-security-policy");
		}
	}

	private static ConfigurableApplicationContext start(String profiles, String... more) {
		List<String> args = new ArrayList<>(
				List.of("--spring.profiles.active=" + profiles, "--server.port=0", "--spring.jmx.enabled=false"));
		args.addAll(List.of(more));
		return new SpringApplication(SampleApplication.class).run(args.toArray(String[]::new));
	}

}
