package dev.plugboard.autoconfigure.securityheaders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code security-headers} built-in over real HTTP: the headers on answers of every
 * kind, HSTS only for HTTPS through the trusted proxy, and a header the application set
 * itself kept as its only value.
 */
@SpringBootTest(classes = SecurityHeadersTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.security-headers.trusted-proxies=127.0.0.0/8, ::1",
				"plugboard.plugins.security-headers.permissions-policy=camera=(), geolocation=()",
				"plugboard.plugins.security-headers.content-security-policy.policy=default-src 'self'",
				"plugboard.plugins.security-headers.frame-ancestors='self'" })
class SecurityHeadersIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Test
	void responseCarriesTheHeaders() throws Exception {
		HttpResponse<String> response = get("/page", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
		assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
		assertThat(response.headers().allValues("Permissions-Policy")).containsExactly("camera=(), geolocation=()");
		assertThat(response.headers().allValues("Content-Security-Policy"))
			.containsExactly("default-src 'self'; frame-ancestors 'self'");
	}

	@Test
	void noHstsOverPlainHttp() throws Exception {
		assertThat(get("/page", null).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void hstsWhenATrustedProxySaysTheClientUsedHttps() throws Exception {
		assertThat(get("/page", "https").headers().allValues("Strict-Transport-Security"))
			.containsExactly("max-age=31536000; includeSubDomains");
		assertThat(get("/page", "http").headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void headerTheControllerSetIsTheOnlyValue() throws Exception {
		HttpResponse<String> response = get("/embeddable", null);
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
	}

	@Test
	void headerAResponseEntityAddsIsTheOnlyValue() throws Exception {
		HttpResponse<String> response = get("/private", null);
		assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
	}

	@Test
	void bodilessAnswerCarriesTheHeaders() throws Exception {
		HttpResponse<String> response = get("/empty", null);
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
	}

	@Test
	void laterPluginRejectionCarriesTheHeaders() throws Exception {
		HttpResponse<String> response = get("/admin/users", null);
		BuiltInTesting.assertProblem(response, 403, "admin-gate");
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
	}

	@Test
	void notFoundAnswerCarriesTheHeaders() throws Exception {
		HttpResponse<String> response = get("/missing", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
	}

	private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
