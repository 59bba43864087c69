package dev.plugboard.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.json.BasicJsonTester;
import org.springframework.boot.test.json.JsonContent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;
import dev.plugboard.runtime.PluginRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = PluginsEndpointIntegrationTests.Application.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=plugins",
				"plugboard.plugins.audit-trail.entities=order,invoice",
				"plugboard.plugins.audit-trail.on-error=fail-closed", "plugboard.plugins.admin-routes.enabled=false",
				"plugboard.plugins.webhook.url=https://hooks.example.com/orders" })
class PluginsEndpointIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PluginRuntime runtime;

	@Test
	void pluginsEndpointAnswersWithEveryPlugin() throws IOException, InterruptedException {
		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> this.runtime.beforeWrite(WriteOp.INSERT, "entity", "order", null));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/plugins")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		JsonContent<Object> json = new BasicJsonTester(getClass()).from(response.body());
		assertThat(json).extractingJsonPathArrayValue("$.plugins[*].id")
			.containsExactly("request-id", "admin-routes", "internal-health", "webhook", "audit-trail");
		assertThat(json).extractingJsonPathStringValue("$.plugins[4].source").isEqualTo("application");
		assertThat(json).extractingJsonPathBooleanValue("$.plugins[4].enabled").isTrue();
		assertThat(json).extractingJsonPathNumberValue("$.plugins[4].order").isEqualTo(1100);
		assertThat(json).extractingJsonPathArrayValue("$.plugins[4].hooks")
			.containsExactly("before-write", "after-write");
		assertThat(json).extractingJsonPathArrayValue("$.plugins[4].entities").containsExactly("invoice", "order");
		assertThat(json).extractingJsonPathStringValue("$.plugins[4].onError").isEqualTo("fail-closed");
		assertThat(json).extractingJsonPathNumberValue("$.plugins[4].faults").isEqualTo(1);
		assertThat(json).extractingJsonPathStringValue("$.plugins[3].source").isEqualTo("library");
		assertThat(json).extractingJsonPathArrayValue("$.plugins[2].routes[*].path")
			.containsExactly("/internal/health", "/internal/health");
		assertThat(json).extractingJsonPathArrayValue("$.plugins[2].routes[0].methods").containsExactly("GET");
		assertThat(json).extractingJsonPathBooleanValue("$.plugins[1].enabled").isFalse();
		assertThat(json).extractingJsonPathArrayValue("$.plugins[1].routes").isEmpty();
		assertThat(json).extractingJsonPathNumberValue("$.deferred.capacity").isEqualTo(1000);
		assertThat(json).extractingJsonPathNumberValue("$.deferred.rejected").isEqualTo(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EndpointPlugins.class)
	static class Application {

	}

}
