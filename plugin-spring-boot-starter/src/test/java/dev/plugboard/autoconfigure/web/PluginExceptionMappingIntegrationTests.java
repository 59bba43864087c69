package dev.plugboard.autoconfigure.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rejections and faults raised inside a controller call or a plugin route are answered as
 * problem+json ahead of the application's own exception handlers and of Spring's problem
 * details.
 */
@SpringBootTest(classes = Orders.Application.class, properties = "spring.mvc.problemdetails.enabled=true")
@AutoConfigureMockMvc
class PluginExceptionMappingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private PluginRuntime runtime;

	@Test
	void writeHookRejectionInsideAControllerCallIsAProblem() {
		MvcTestResult result = this.mvc.post().uri("/orders").param("email", "taken@example.com").exchange();
		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result)).containsEntry("status", 409)
			.containsEntry("title", "Conflict")
			.containsEntry("detail", "An order for taken@example.com already exists")
			.containsEntry("code", "email-taken")
			.containsEntry("plugin", "unique-email")
			.containsEntry("instance", "/orders");
	}

	@Test
	void rejectionWrappedByTheApplicationIsFoundInTheCauseChain() {
		MvcTestResult result = this.mvc.post().uri("/orders/wrapped").param("email", "taken@example.com").exchange();
		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result)).containsEntry("plugin", "unique-email");
	}

	@Test
	void writeHookFaultIsA500NamingThePluginWithoutTheCause() {
		MvcTestResult result = this.mvc.post().uri("/orders").param("email", "boom@example.com").exchange();
		assertThat(result).hasStatus(500).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result)).containsEntry("code", "plugin-fault")
			.containsEntry("plugin", "unique-email")
			.containsKey("correlationId");
		assertThat(result).bodyText().doesNotContain("IllegalStateException").doesNotContain("secret");
	}

	@Test
	void acceptedOrderIsNotTouched() {
		assertThat(this.mvc.post().uri("/orders").param("email", "new@example.com")).hasStatus(201)
			.bodyText()
			.isEqualTo("new@example.com");
	}

	@Test
	void applicationExceptionsStillReachTheApplicationsHandlers() {
		assertThat(this.mvc.get().uri("/orders/broken")).hasStatus(422)
			.bodyText()
			.isEqualTo("handled by the controller");
		assertThat(this.mvc.get().uri("/orders/unsupported")).hasStatus(418)
			.bodyText()
			.isEqualTo("handled by the advice");
	}

	@Test
	void springExceptionsStillGetSpringsProblemDetails() {
		MvcTestResult result = this.mvc.post().uri("/orders").exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result)).doesNotContainKey("plugin").containsEntry("status", 400);
	}

	@Test
	void routeRejectionIsAProblemNamingTheRoutePlugin() {
		MvcTestResult result = this.mvc.post().uri("/hooks/github").header("X-Signature", "forged").exchange();
		assertThat(result).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("WWW-Authenticate", "HMAC realm=\"hooks\"");
		assertThat(problem(result)).containsEntry("code", "unauthorized")
			.containsEntry("plugin", "webhooks")
			.containsEntry("instance", "/hooks/github");
	}

	@Test
	void routeFaultIsA500NamingTheRoutePluginAndIsCounted() {
		long before = registered("webhooks").faults();
		MvcTestResult result = this.mvc.post().uri("/hooks/crash").header("X-Signature", "good").exchange();
		assertThat(result).hasStatus(500).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(result)).containsEntry("plugin", "webhooks").containsKey("correlationId");
		assertThat(result).bodyText().doesNotContain("secret payload");
		assertThat(registered("webhooks").faults()).isEqualTo(before + 1);
	}

	private RegisteredPlugin registered(String id) {
		return this.runtime.registry()
			.all()
			.stream()
			.filter((plugin) -> plugin.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(MvcTestResult result) {
		return json.readValue(result.getResponse().getContentAsByteArray(), Map.class);
	}

}
