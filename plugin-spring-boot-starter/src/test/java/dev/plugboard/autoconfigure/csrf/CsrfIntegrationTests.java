package dev.plugboard.autoconfigure.csrf;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code csrf} built-in over real HTTP, through a real servlet session: every check
 * and every exemption as a client sees it.
 */
@SpringBootTest(classes = CsrfTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.csrf.secret=integration-test-secret-0123456789abcdef",
				"plugboard.plugins.csrf.exempt-paths=/webhooks/**",
				"plugboard.plugins.csrf.allowed-origins=https://front.example.com" })
class CsrfIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private String session;

	private String token;

	@BeforeEach
	void logIn() throws Exception {
		HttpResponse<String> login = send(request("/login").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(login.statusCode()).as("login needs no token: no session cookie yet").isEqualTo(200);
		this.session = cookie(login, "JSESSIONID");
		HttpResponse<String> page = send(request("/api/notes").header("Cookie", "JSESSIONID=" + this.session));
		assertThat(page.statusCode()).isEqualTo(200);
		this.token = cookie(page, "XSRF-TOKEN");
	}

	@Test
	void tokenCookieIsReadableByScriptsAndNotReissuedWhileValid() throws Exception {
		HttpResponse<String> page = send(request("/api/notes").header("Cookie", sessionAndToken()));
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("XSRF-TOKEN="));
		HttpResponse<String> fresh = send(request("/api/notes").header("Cookie", "JSESSIONID=" + this.session));
		assertThat(fresh.headers().allValues("Set-Cookie"))
			.anySatisfy((value) -> assertThat(value).startsWith("XSRF-TOKEN=")
				.contains("Path=/")
				.contains("SameSite=Lax")
				.doesNotContain("HttpOnly"));
	}

	@Test
	void everyUnsafeMethodWithTheTokenPasses() throws Exception {
		for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
			HttpResponse<String> response = send(withToken(method));
			assertThat(response.statusCode()).as(method).isEqualTo(201);
		}
	}

	@Test
	void everyUnsafeMethodWithoutTheTokenIsRefused() throws Exception {
		for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
			HttpResponse<String> response = send(request("/api/notes").header("Cookie", sessionAndToken())
				.method(method, HttpRequest.BodyPublishers.noBody()));
			BuiltInTesting.assertProblem(response, 403, "csrf");
			assertThat(response.body()).as(method).contains("\"code\":\"csrf.token-missing\"");
		}
	}

	@Test
	void sessionWithoutTokenCookieIsRefusedAndIssuedOne() throws Exception {
		HttpResponse<String> response = send(request("/api/notes").header("Cookie", "JSESSIONID=" + this.session)
			.POST(HttpRequest.BodyPublishers.noBody()));
		BuiltInTesting.assertProblem(response, 403, "csrf");
		assertThat(response.body()).contains("\"code\":\"csrf.token-missing\"").contains("\"title\":\"Forbidden\"");
		String issued = cookie(response, "XSRF-TOKEN");
		HttpResponse<String> retried = send(
				request("/api/notes").header("Cookie", "JSESSIONID=" + this.session + "; XSRF-TOKEN=" + issued)
					.header("X-XSRF-TOKEN", issued)
					.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(retried.statusCode()).isEqualTo(201);
	}

	@Test
	void headerThatDoesNotMatchTheCookieIsInvalid() throws Exception {
		HttpResponse<String> response = send(request("/api/notes").header("Cookie", sessionAndToken())
			.header("X-XSRF-TOKEN", this.token + "x")
			.POST(HttpRequest.BodyPublishers.noBody()));
		BuiltInTesting.assertProblem(response, 403, "csrf");
		assertThat(response.body()).contains("\"code\":\"csrf.token-invalid\"");
	}

	@Test
	void tokenOfAnotherSessionIsInvalid() throws Exception {
		String otherSession = cookie(send(request("/login").POST(HttpRequest.BodyPublishers.noBody())), "JSESSIONID");
		HttpResponse<String> response = send(
				request("/api/notes").header("Cookie", "JSESSIONID=" + otherSession + "; XSRF-TOKEN=" + this.token)
					.header("X-XSRF-TOKEN", this.token)
					.POST(HttpRequest.BodyPublishers.noBody()));
		BuiltInTesting.assertProblem(response, 403, "csrf");
		assertThat(response.body()).contains("\"code\":\"csrf.token-invalid\"");
		assertThat(cookie(response, "XSRF-TOKEN")).isNotEqualTo(this.token);
	}

	@Test
	void crossSiteFetchMetadataIsRefused() throws Exception {
		HttpResponse<String> response = send(withToken("POST").header("Sec-Fetch-Site", "cross-site"));
		BuiltInTesting.assertProblem(response, 403, "csrf");
		assertThat(response.body()).contains("\"code\":\"csrf.cross-site\"");
	}

	@Test
	void foreignOriginIsRefusedAndOwnOrAllowedOriginsPass() throws Exception {
		HttpResponse<String> foreign = send(withToken("POST").header("Origin", "https://evil.example.net"));
		BuiltInTesting.assertProblem(foreign, 403, "csrf");
		assertThat(foreign.body()).contains("\"code\":\"csrf.origin\"");
		assertThat(send(withToken("POST").header("Origin", "http://localhost:" + this.port)).statusCode())
			.isEqualTo(201);
		assertThat(send(withToken("POST").header("Origin", "https://front.example.com")).statusCode()).isEqualTo(201);
	}

	@Test
	void requestsWithoutSessionCookieAreNotChecked() throws Exception {
		assertThat(send(request("/api/notes").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);
		assertThat(send(request("/api/notes").header("Cookie", "theme=dark")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);
	}

	@Test
	void bearerApiKeyAndWebhookRequestsAreExempt() throws Exception {
		assertThat(send(request("/api/notes").header("Cookie", "JSESSIONID=" + this.session)
			.header("Authorization", "Bearer abc.def")
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);
		assertThat(send(request("/api/notes").header("Cookie", "JSESSIONID=" + this.session)
			.header("X-Api-Key", "key-1")
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);
		assertThat(send(request("/webhooks/stripe").header("Cookie", "JSESSIONID=" + this.session)
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder withToken(String method) {
		return request("/api/notes").header("Cookie", sessionAndToken())
			.header("X-XSRF-TOKEN", this.token)
			.method(method, HttpRequest.BodyPublishers.noBody());
	}

	private String sessionAndToken() {
		return "JSESSIONID=" + this.session + "; XSRF-TOKEN=" + this.token;
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.flatMap((header) -> HttpCookie.parse(header).stream())
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " cookie in " + response.headers().map()));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
