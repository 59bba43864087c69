package dev.plugboard.builtin.csrf;

import org.junit.jupiter.api.Test;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsrfPluginTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";

	private final CsrfPlugin plugin = new CsrfPlugin(CsrfConfig.withSecret(SECRET)
		.withExemptPaths("/webhooks/**")
		.withAllowedOrigins("https://app.example.com"));

	private final PluginHarness harness = PluginHarness.of(this.plugin);

	@Test
	void requestWithoutCookiesIsNotChecked() {
		assertThat(this.harness.beforeRequest(TestRequest.post("/orders")).passed()).isTrue();
	}

	@Test
	void requestWithoutSessionCookieIsNotChecked() {
		RequestResult result = this.harness.beforeRequest(TestRequest.post("/orders").header("Cookie", "theme=dark"));
		assertThat(result.passed()).isTrue();
		assertThat(result.header("Set-Cookie")).isNull();
	}

	@Test
	void safeRequestWithSessionIsIssuedAReadableTokenCookie() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders").header("Cookie", "JSESSIONID=s1"));
		assertThat(result.passed()).isTrue();
		assertThat(result.header("Set-Cookie")).startsWith("XSRF-TOKEN=")
			.contains("Path=/")
			.contains("SameSite=Lax")
			.doesNotContain("HttpOnly");
	}

	@Test
	void safeRequestWithAValidTokenIsNotIssuedAnother() {
		String token = this.plugin.tokenFor("s1");
		RequestResult result = this.harness
			.beforeRequest(TestRequest.get("/orders").header("Cookie", "JSESSIONID=s1; XSRF-TOKEN=" + token));
		assertThat(result.header("Set-Cookie")).isNull();
	}

	@Test
	void unsafeRequestWithMatchingTokenPasses() {
		String token = this.plugin.tokenFor("s1");
		assertThat(this.harness.beforeRequest(withSession("POST", "s1", token).header("X-XSRF-TOKEN", token)).passed())
			.isTrue();
	}

	@Test
	void everyUnsafeMethodIsChecked() {
		for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
			RequestResult result = this.harness.beforeRequest(withSession(method, "s1", null));
			assertThat(result.status()).as(method).isEqualTo(403);
		}
	}

	@Test
	void unsafeRequestWithoutTokenIsRefusedAndIssuedOne() {
		RequestResult result = this.harness.beforeRequest(withSession("POST", "s1", null));
		assertThat(result.status()).isEqualTo(403);
		assertThat(result.rejection().code()).isEqualTo("csrf.token-missing");
		assertThat(result.rejection().plugin()).isEqualTo("csrf");
		assertThat(result.header("Set-Cookie")).startsWith("XSRF-TOKEN=");
	}

	@Test
	void tokenInCookieButNotInHeaderIsMissing() {
		String token = this.plugin.tokenFor("s1");
		RequestResult result = this.harness.beforeRequest(withSession("POST", "s1", token));
		assertThat(result.rejection().code()).isEqualTo("csrf.token-missing");
		assertThat(result.header("Set-Cookie")).isNull();
	}

	@Test
	void headerThatDiffersFromTheCookieIsInvalid() {
		String token = this.plugin.tokenFor("s1");
		RequestResult result = this.harness
			.beforeRequest(withSession("POST", "s1", token).header("X-XSRF-TOKEN", this.plugin.tokenFor("s1")));
		assertThat(result.rejection().code()).isEqualTo("csrf.token-invalid");
	}

	@Test
	void tokenOfAnotherSessionIsInvalidAndReplaced() {
		String token = this.plugin.tokenFor("other-session");
		RequestResult result = this.harness
			.beforeRequest(withSession("POST", "s1", token).header("X-XSRF-TOKEN", token));
		assertThat(result.rejection().code()).isEqualTo("csrf.token-invalid");
		assertThat(result.header("Set-Cookie")).startsWith("XSRF-TOKEN=");
	}

	@Test
	void forgedTokenIsInvalid() {
		String forged = "bm9uY2U.c2lnbmF0dXJl";
		RequestResult result = this.harness
			.beforeRequest(withSession("POST", "s1", forged).header("X-XSRF-TOKEN", forged));
		assertThat(result.rejection().code()).isEqualTo("csrf.token-invalid");
	}

	@Test
	void tokenSignedWithAnotherSecretIsInvalid() {
		String token = new CsrfPlugin(CsrfConfig.withSecret(SECRET + "-other")).tokenFor("s1");
		RequestResult result = this.harness
			.beforeRequest(withSession("POST", "s1", token).header("X-XSRF-TOKEN", token));
		assertThat(result.rejection().code()).isEqualTo("csrf.token-invalid");
	}

	@Test
	void crossSiteFetchMetadataIsRefusedBeforeTheToken() {
		String token = this.plugin.tokenFor("s1");
		RequestResult result = this.harness.beforeRequest(
				withSession("POST", "s1", token).header("X-XSRF-TOKEN", token).header("Sec-Fetch-Site", "cross-site"));
		assertThat(result.rejection().code()).isEqualTo("csrf.cross-site");
	}

	@Test
	void sameSiteFetchMetadataGoesOnToTheOtherChecks() {
		String token = this.plugin.tokenFor("s1");
		RequestResult result = this.harness.beforeRequest(
				withSession("POST", "s1", token).header("X-XSRF-TOKEN", token).header("Sec-Fetch-Site", "same-origin"));
		assertThat(result.passed()).isTrue();
	}

	@Test
	void foreignOriginIsRefused() {
		String token = this.plugin.tokenFor("s1");
		RequestResult result = this.harness.beforeRequest(withSession("POST", "s1", token).header("X-XSRF-TOKEN", token)
			.header("Origin", "https://evil.example.net"));
		assertThat(result.rejection().code()).isEqualTo("csrf.origin");
	}

	@Test
	void ownAndAllowedOriginsPass() {
		String token = this.plugin.tokenFor("s1");
		TestRequest request = withSession("POST", "s1", token).header("X-XSRF-TOKEN", token);
		assertThat(this.harness.beforeRequest(request.header("Origin", "https://app.example.com")).passed()).isTrue();
		assertThat(this.harness
			.beforeRequest(request.header("Host", "shop.example.com").header("Origin", "https://shop.example.com"))
			.passed()).isTrue();
	}

	@Test
	void bearerApiKeyAndExemptPathsAreNotChecked() {
		assertThat(this.harness.beforeRequest(withSession("POST", "s1", null).header("Authorization", "Bearer abc"))
			.passed()).isTrue();
		assertThat(this.harness.beforeRequest(withSession("POST", "s1", null).header("X-Api-Key", "k")).passed())
			.isTrue();
		assertThat(this.harness.beforeRequest(TestRequest.post("/webhooks/stripe").header("Cookie", "JSESSIONID=s1"))
			.passed()).isTrue();
		assertThat(this.harness.beforeRequest(withSession("POST", "s1", null).header("Authorization", "Basic abc"))
			.status()).isEqualTo(403);
	}

	@Test
	void springSessionCookieAuthenticatesToo() {
		RequestResult result = this.harness
			.beforeRequest(TestRequest.delete("/orders/1").header("Cookie", "SESSION=x"));
		assertThat(result.rejection().code()).isEqualTo("csrf.token-missing");
	}

	@Test
	void cookieParserFindsExactNames() {
		assertThat(CsrfPlugin.cookie("a=1; JSESSIONID=abc; b=2", "JSESSIONID")).isEqualTo("abc");
		assertThat(CsrfPlugin.cookie("XJSESSIONID=abc", "JSESSIONID")).isNull();
		assertThat(CsrfPlugin.cookie("JSESSIONID=\"q\"", "JSESSIONID")).isEqualTo("q");
		assertThat(CsrfPlugin.cookie("JSESSIONIDX=1;JSESSIONID=2", "JSESSIONID")).isEqualTo("2");
		assertThat(CsrfPlugin.cookie("", "JSESSIONID")).isNull();
	}

	@Test
	void missingOrShortSecretIsRefused() {
		assertThatExceptionOfType(PluginConfigurationException.class).isThrownBy(() -> CsrfConfig.withSecret(""))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("secret"))
			.withMessageContaining("openssl rand");
		assertThatExceptionOfType(PluginConfigurationException.class).isThrownBy(() -> CsrfConfig.withSecret("short"))
			.withMessageContaining("at least 32");
	}

	private static TestRequest withSession(String method, String session, String token) {
		return TestRequest.of(method, "/orders")
			.header("Cookie", "JSESSIONID=" + session + ((token != null) ? "; XSRF-TOKEN=" + token : ""));
	}

}
