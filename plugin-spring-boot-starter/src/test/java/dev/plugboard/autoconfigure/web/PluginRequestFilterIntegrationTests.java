package dev.plugboard.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.OnError;
import dev.plugboard.PluginOrder;
import dev.plugboard.RateLimited;
import dev.plugboard.RequestContext;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.RegisteredPlugin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The before-request filter over real HTTP, with plugins written as an application would.
 */
@SpringBootTest(classes = PluginRequestFilterIntegrationTests.Application.class,
		webEnvironment = WebEnvironment.RANDOM_PORT)
class PluginRequestFilterIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private PluginRuntime runtime;

	@Autowired
	private Census census;

	@Autowired
	private Greetings greetings;

	@BeforeEach
	void reset() {
		this.census.paths.clear();
		this.greetings.calls.set(0);
	}

	@Test
	void rejectionFromAHookIsAnsweredWithStatusProblemBodyAndHeaders() throws Exception {
		HttpResponse<String> response = send(get("/limited/report"));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("10;w=60");
		assertThat(response.headers().firstValue("RateLimit")).hasValue("limit=10, remaining=0, reset=30");
		assertThat(problem(response)).containsEntry("status", 429)
			.containsEntry("title", "Too Many Requests")
			.containsEntry("code", "rate-limited")
			.containsEntry("plugin", "throttle")
			.containsEntry("instance", "/limited/report")
			.containsKey("detail");
	}

	@Test
	void headersSetByEarlierPluginsSurviveARejection() throws Exception {
		HttpResponse<String> response = send(get("/limited/report").header("X-Request-Id", "abc-123"));
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123");
	}

	@Test
	void respondAnswersTheRequestBeforeTheController() throws Exception {
		HttpResponse<String> preflight = send(
				request("/preflighted").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
					.header("Origin", "https://app.example")
					.header("Access-Control-Request-Method", "GET"));
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
		assertThat(this.greetings.calls).hasValue(0);
		assertThat(this.census.paths).isEmpty();
		HttpResponse<String> plain = send(
				request("/preflighted").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(this.greetings.calls).hasValue(1);
	}

	@Test
	void faultOfAFailClosedPluginIsA500NamingThePluginAndTheNextRequestIsServed() throws Exception {
		HttpResponse<String> response = send(get("/hello").header("X-User", "alice").header("X-Break-Auth", "yes"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("status", 500)
			.containsEntry("code", "plugin-fault")
			.containsEntry("plugin", "header-auth")
			.containsEntry("correlationId", response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(response.body()).doesNotContain("IllegalStateException")
			.doesNotContain("directory unreachable")
			.doesNotContain("\tat ")
			.doesNotContain("trace");
		assertThat(this.greetings.calls).hasValue(0);

		HttpResponse<String> next = send(get("/hello").header("X-User", "alice"));
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(next.body()).isEqualTo("hello alice");
	}

	@Test
	void faultOfAFailOpenPluginLetsTheRequestThroughAndIsCounted() throws Exception {
		long before = registered("geo-tag").faults();
		HttpResponse<String> response = send(get("/hello").header("X-Break-Geo", "yes"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello anonymous");
		assertThat(registered("geo-tag").faults()).isEqualTo(before + 1);
	}

	@Test
	void principalSetByAPluginIsSeenByTheController() throws Exception {
		HttpResponse<String> response = send(get("/hello").header("X-User", "alice"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello alice");
	}

	@Test
	void responseHeaderSetByAPluginReachesTheClient() throws Exception {
		HttpResponse<String> response = send(get("/hello"));
		assertThat(response.headers().firstValue("X-Served-By")).hasValue("plugboard");
	}

	@Test
	void applicationCodeFindsTheRequestContextTheFilterCreated() throws Exception {
		HttpResponse<String> response = send(get("/request-id").header("X-Request-Id", "req-77"));
		assertThat(response.body()).isEqualTo("req-77");
	}

	@Test
	void hooksRunOnceWhenTheRequestIsAnsweredByTheErrorPage() throws Exception {
		HttpResponse<String> response = send(get("/missing"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.census.paths).containsExactly("/missing");
	}

	@Test
	void hooksRunOnceForAnAsyncRequest() throws Exception {
		HttpResponse<String> response = send(get("/async"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("later");
		assertThat(this.census.paths).containsExactly("/async");
	}

	private RegisteredPlugin registered(String id) {
		return this.runtime.registry()
			.all()
			.stream()
			.filter((plugin) -> plugin.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(HttpResponse<String> response) {
		return json.readValue(response.body(), Map.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		RequestIdPlugin requestIdPlugin() {
			return new RequestIdPlugin();
		}

		@Bean
		PreflightPlugin preflightPlugin() {
			return new PreflightPlugin();
		}

		@Bean
		ThrottlePlugin throttlePlugin() {
			return new ThrottlePlugin();
		}

		@Bean
		HeaderAuthPlugin headerAuthPlugin() {
			return new HeaderAuthPlugin();
		}

		@Bean
		GeoTagPlugin geoTagPlugin() {
			return new GeoTagPlugin();
		}

		@Bean
		Census census() {
			return new Census();
		}

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

	}

	/** Takes the client's request id or makes one, and echoes it with a marker header. */
	static class RequestIdPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "request-id";
		}

		@Override
		public int order() {
			return PluginOrder.REQUEST_ID;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String id = request.header("X-Request-Id");
			if (id != null) {
				request.setRequestId(id);
			}
			request.setResponseHeader("X-Request-Id", request.requestId());
			request.setResponseHeader("X-Served-By", "plugboard");
		}

	}

	/** Answers CORS preflights itself. */
	static class PreflightPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "preflight";
		}

		@Override
		public int order() {
			return PluginOrder.CORS;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String origin = request.header("Origin");
			if ("OPTIONS".equals(request.method()) && origin != null
					&& request.header("Access-Control-Request-Method") != null) {
				request.setResponseHeader("Access-Control-Allow-Origin", origin);
				request.respond(204);
			}
		}

	}

	/** Refuses everything under /limited. */
	static class ThrottlePlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "throttle";
		}

		@Override
		public int order() {
			return PluginOrder.RATE_LIMIT;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			if (request.path().startsWith("/limited")) {
				throw new RateLimited(30, "10;w=60", "limit=10, remaining=0, reset=30");
			}
		}

	}

	/** Authenticates from a header; its directory can break, and then nobody may pass. */
	static class HeaderAuthPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "header-auth";
		}

		@Override
		public int order() {
			return PluginOrder.AUTH;
		}

		@Override
		public OnError onError() {
			return OnError.FAIL_CLOSED;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			if (request.header("X-Break-Auth") != null) {
				throw new IllegalStateException("user directory unreachable at ldap://secret-host");
			}
			String user = request.header("X-User");
			if (user != null) {
				request.setPrincipal(new User(user));
			}
		}

	}

	/** Tags requests with a region; optional, so its faults must not cost a request. */
	static class GeoTagPlugin implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "geo-tag";
		}

		@Override
		public void beforeRequest(RequestContext request) {
			if (request.header("X-Break-Geo") != null) {
				throw new IllegalStateException("geo database missing");
			}
			request.setAttribute("region", "eu");
		}

	}

	/** Records the path of every request its hook sees. */
	static class Census implements BeforeRequestPlugin {

		final List<String> paths = new CopyOnWriteArrayList<>();

		@Override
		public String id() {
			return "census";
		}

		@Override
		public int order() {
			return PluginOrder.RECORDING;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			this.paths.add(request.path());
		}

	}

	record User(String name) implements Principal {

		@Override
		public String getName() {
			return this.name;
		}

	}

	@RestController
	static class Greetings {

		final AtomicInteger calls = new AtomicInteger();

		@GetMapping("/hello")
		String hello(Principal principal) {
			this.calls.incrementAndGet();
			return "hello " + ((principal != null) ? principal.getName() : "anonymous");
		}

		@RequestMapping(path = "/preflighted", method = { RequestMethod.GET, RequestMethod.OPTIONS })
		String preflighted() {
			this.calls.incrementAndGet();
			return "answered by the controller";
		}

		@GetMapping("/request-id")
		String requestId() {
			RequestContext current = PluginRuntime.currentRequest();
			return (current != null) ? current.requestId() : "none";
		}

		@GetMapping("/async")
		Callable<String> async() {
			return () -> "later";
		}

	}

}
