package dev.plugboard.builtin.securityheaders;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.plugboard.PluginConfigurationException;
import dev.plugboard.builtin.securityheaders.SecurityHeadersConfig.FrameOptions;
import dev.plugboard.runtime.ServletRequestContext;
import dev.plugboard.test.PluginHarness;
import dev.plugboard.test.RequestResult;
import dev.plugboard.test.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code security-headers} built-in: what a response carries once the application has
 * written it, and that the application's own headers always win with one value.
 */
class SecurityHeadersPluginTests {

	private final PluginHarness harness = PluginHarness.of(new SecurityHeadersPlugin());

	@Test
	void defaultsAreAddedWhenTheBodyIsWritten() throws IOException {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders"));
		result.servletResponse().getWriter().write("[]");
		assertThat(result.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(result.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(result.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(result.header("Permissions-Policy")).isNull();
		assertThat(result.header("Content-Security-Policy")).isNull();
	}

	@Test
	void headersAreAddedAtTheEndOfARequestWithoutABody() {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/orders"));
		result.servletResponse().setStatus(204);
		assertThat(result.header("X-Content-Type-Options")).isNull();
		result.complete();
		assertThat(result.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void noHstsOverPlainHttp() throws IOException {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/"));
		result.servletResponse().getOutputStream().write(1);
		assertThat(result.header("Strict-Transport-Security")).isNull();
	}

	@Test
	void hstsOverHttps() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletRequestContext context = new ServletRequestContext(request, response);
		new SecurityHeadersPlugin().beforeRequest(context);
		context.servletResponse().getWriter().write("ok");
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
	}

	@Test
	void forwardedHttpsCountsOnlyFromATrustedProxy() throws IOException {
		PluginHarness harness = PluginHarness.of(new SecurityHeadersPlugin(config(List.of("10.0.0.0/8", "::1"))));
		assertThat(hsts(harness, TestRequest.get("/").remoteAddress("10.1.2.3").header("X-Forwarded-Proto", "https")))
			.isEqualTo("max-age=31536000; includeSubDomains");
		assertThat(hsts(harness, TestRequest.get("/").remoteAddress("::1").header("X-Forwarded-Proto", "HTTPS, http")))
			.isNotNull();
		assertThat(hsts(harness, TestRequest.get("/").remoteAddress("11.0.0.1").header("X-Forwarded-Proto", "https")))
			.isNull();
		assertThat(hsts(harness, TestRequest.get("/").remoteAddress("10.1.2.3").header("X-Forwarded-Proto", "http")))
			.isNull();
		assertThat(hsts(this.harness, TestRequest.get("/").header("X-Forwarded-Proto", "https"))).isNull();
	}

	@Test
	void headerTheApplicationSetBeforeWritingWins() throws IOException {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/embed"));
		HttpServletResponse response = result.servletResponse();
		response.setHeader("X-Frame-Options", "SAMEORIGIN");
		response.addHeader("Referrer-Policy", "no-referrer");
		response.getWriter().write("<html>");
		result.complete();
		assertThat(result.headers("X-Frame-Options")).containsExactly("SAMEORIGIN");
		assertThat(result.headers("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(result.headers("X-Content-Type-Options")).containsExactly("nosniff");
	}

	@Test
	void headerTheApplicationAddsAfterWritingReplacesThePluginsValue() throws IOException {
		RequestResult result = this.harness.beforeRequest(TestRequest.get("/embed"));
		HttpServletResponse response = result.servletResponse();
		response.getWriter().write("<html>");
		response.addHeader("X-Frame-Options", "SAMEORIGIN");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.addHeader("Referrer-Policy", "origin");
		result.complete();
		assertThat(result.headers("X-Frame-Options")).containsExactly("SAMEORIGIN");
		assertThat(result.headers("Referrer-Policy")).containsExactly("no-referrer", "origin");
	}

	@Test
	void contentSecurityPolicyCarriesFrameAncestors() throws IOException {
		SecurityHeadersConfig config = new SecurityHeadersConfig(false, Duration.ZERO, false, false, false,
				FrameOptions.DISABLED, "'self' https://partner.example", "", "camera=(), geolocation=()",
				"default-src 'self'", false, List.of());
		RequestResult result = PluginHarness.of(new SecurityHeadersPlugin(config))
			.beforeRequest(TestRequest.get("/"))
			.complete();
		assertThat(result.header("Content-Security-Policy"))
			.isEqualTo("default-src 'self'; frame-ancestors 'self' https://partner.example");
		assertThat(result.header("Permissions-Policy")).isEqualTo("camera=(), geolocation=()");
		assertThat(result.header("X-Frame-Options")).isNull();
		assertThat(result.header("X-Content-Type-Options")).isNull();
		assertThat(result.header("Referrer-Policy")).isNull();
	}

	@Test
	void reportOnlyPolicyIsReportedWhileFrameAncestorsIsEnforced() {
		SecurityHeadersConfig config = new SecurityHeadersConfig(true, Duration.ofDays(1), false, true, true,
				FrameOptions.SAMEORIGIN, "'none'", "no-referrer", "", "default-src 'self'; report-to csp", true,
				List.of());
		RequestResult result = PluginHarness.of(new SecurityHeadersPlugin(config))
			.beforeRequest(TestRequest.get("/"))
			.complete();
		assertThat(result.header("Content-Security-Policy-Report-Only")).isEqualTo("default-src 'self'; report-to csp");
		assertThat(result.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
		assertThat(result.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
	}

	@Test
	void hstsValueFollowsTheConfiguration() {
		SecurityHeadersConfig config = new SecurityHeadersConfig(true, Duration.ofDays(1), false, true, true,
				FrameOptions.DENY, "", "", "", "", false, List.of());
		assertThat(new SecurityHeadersPlugin(config).headerNames(true)).first().isEqualTo("Strict-Transport-Security");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		ServletRequestContext context = new ServletRequestContext(request, response);
		new SecurityHeadersPlugin(config).beforeRequest(context);
		context.complete();
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=86400; preload");
	}

	@Test
	void headersSetBeforeTheHookByAnEarlierPluginAreKept() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("Referrer-Policy", "same-origin");
		ServletRequestContext context = new ServletRequestContext(request, response);
		new SecurityHeadersPlugin().beforeRequest(context);
		context.complete();
		assertThat(response.getHeaders("Referrer-Policy")).containsExactly("same-origin");
	}

	@Test
	void badConfigurationNamesTheKey() {
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new SecurityHeadersPlugin(config(List.of("10.0.0.0/8", "proxy.internal"))))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("trusted-proxies[1]"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new SecurityHeadersPlugin(config(List.of("10.0.0.0/33"))))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("trusted-proxies[0]"));
		assertThatExceptionOfType(PluginConfigurationException.class)
			.isThrownBy(() -> new SecurityHeadersConfig(true, Duration.ZERO, true, false, true, FrameOptions.DENY, "",
					"", "", "default-src 'self';\nscript-src 'none'", false, List.of()))
			.satisfies((ex) -> assertThat(ex.key()).isEqualTo("content-security-policy.policy"));
	}

	private static SecurityHeadersConfig config(List<String> trustedProxies) {
		SecurityHeadersConfig defaults = SecurityHeadersConfig.defaults();
		return new SecurityHeadersConfig(defaults.hsts(), defaults.hstsMaxAge(), defaults.hstsIncludeSubDomains(),
				defaults.hstsPreload(), defaults.contentTypeOptions(), defaults.frameOptions(),
				defaults.frameAncestors(), defaults.referrerPolicy(), defaults.permissionsPolicy(),
				defaults.contentSecurityPolicy(), defaults.contentSecurityPolicyReportOnly(), trustedProxies);
	}

	private static String hsts(PluginHarness harness, TestRequest request) {
		return harness.beforeRequest(request).complete().header("Strict-Transport-Security");
	}

}
