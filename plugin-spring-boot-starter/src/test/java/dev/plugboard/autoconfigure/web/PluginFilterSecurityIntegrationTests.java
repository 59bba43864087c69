package dev.plugboard.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RateLimited;
import dev.plugboard.RequestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The before-request filter runs ahead of Spring Security's filter chain as Spring Boot
 * registers it. Security is auto-configured with its defaults: every request must be
 * authenticated, with HTTP Basic for clients that are not browsers.
 */
@SpringBootTest(classes = PluginFilterSecurityIntegrationTests.Application.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.user.name=alice", "spring.security.user.password=wonderland" })
class PluginFilterSecurityIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private FloodGatePlugin floodGate;

	@Test
	void securityAnswersAnAnonymousRequestThePluginLetsThrough() throws Exception {
		HttpResponse<String> response = send(request("/hello"));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void pluginRejectionIsAnsweredEvenThoughSecurityWouldHaveAnswered401() throws Exception {
		HttpResponse<String> response = send(request("/hello").header("X-Flood", "yes"));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(response.body()).contains("\"plugin\":\"flood-gate\"");
	}

	@Test
	void pluginRunsBeforeSecurityHasAuthenticatedTheRequest() throws Exception {
		HttpResponse<String> response = send(request("/hello").header("Authorization", basic("alice", "wonderland")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
		assertThat(this.floodGate.authenticationSeen.get()).isEqualTo("none");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		FloodGatePlugin floodGatePlugin() {
			return new FloodGatePlugin();
		}

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

	}

	/** Refuses flagged floods and notes what Spring Security knew when it ran. */
	static class FloodGatePlugin implements BeforeRequestPlugin {

		final AtomicReference<String> authenticationSeen = new AtomicReference<>();

		@Override
		public String id() {
			return "flood-gate";
		}

		@Override
		public int order() {
			return PluginOrder.RATE_LIMIT;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			this.authenticationSeen.set((authentication != null) ? authentication.getName() : "none");
			if (request.header("X-Flood") != null) {
				throw new RateLimited(60);
			}
		}

	}

	@RestController
	static class Greetings {

		@GetMapping("/hello")
		String hello() {
			return "hello " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

	}

}
