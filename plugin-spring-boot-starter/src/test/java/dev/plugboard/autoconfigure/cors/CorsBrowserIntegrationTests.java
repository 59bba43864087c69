package dev.plugboard.autoconfigure.cors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import dev.plugboard.autoconfigure.EnabledIfChromium;
import dev.plugboard.autoconfigure.cors.CorsTestApplication.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cors} built-in in a real browser: headless Chromium loads a page from a
 * second server whose script calls the application with credentials. From the allowed
 * origin ({@code http://localhost:<page port>}) the calls succeed and the cookie is sent;
 * from a disallowed one ({@code http://127.0.0.1:<page port>}, the same server under
 * another host name) the browser blocks them, and the server's answers carry no CORS
 * header.
 */
@EnabledIfChromium
@SpringBootTest(classes = CorsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CorsBrowserIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);

	private static HttpServer pages;

	@LocalServerPort
	private int port;

	@Autowired
	private CorsTestApplication.Exchanges exchanges;

	@TempDir
	Path profile;

	@BeforeAll
	static void servePages() throws IOException {
		pages = HttpServer.create(new InetSocketAddress(0), 0);
		pages.createContext("/page", (exchange) -> {
			String app = exchange.getRequestURI().getQuery().replace("app=", "");
			byte[] page = page(app).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			// Cookies are per host, not per port: the application on localhost receives
			// it.
			exchange.getResponseHeaders().add("Set-Cookie", "note=from-the-browser; Path=/; SameSite=Lax");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		pages.start();
	}

	@AfterAll
	static void stopPages() {
		pages.stop(0);
	}

	@DynamicPropertySource
	static void allowThePageOrigin(DynamicPropertyRegistry registry) {
		registry.add("plugboard.plugins.cors.allowed-origins",
				() -> "http://localhost:" + pages.getAddress().getPort());
		registry.add("plugboard.plugins.cors.allowed-methods", () -> "GET,PUT");
		registry.add("plugboard.plugins.cors.allow-credentials", () -> "true");
		registry.add("plugboard.plugins.cors.exposed-headers", () -> "X-Note-Id");
	}

	@BeforeEach
	void clear() {
		this.exchanges.clear();
	}

	@Test
	void allowedOriginCallsTheApplicationWithCredentials() throws Exception {
		String origin = "http://localhost:" + pages.getAddress().getPort();
		Map<String, Object> result = load(origin);
		assertThat(result.get("get")).isEqualTo(Map.of("status", 200, "name", "Ada", "cookie", "from-the-browser"));
		assertThat(result.get("put")).isEqualTo(Map.of("status", 200, "noteId", "7"));
		assertThat(this.exchanges.answered).filteredOn((exchange) -> origin.equals(exchange.origin()))
			.extracting(Exchange::method, Exchange::status, Exchange::allowOrigin)
			.contains(org.assertj.core.groups.Tuple.tuple("GET", 200, origin),
					org.assertj.core.groups.Tuple.tuple("OPTIONS", 204, origin),
					org.assertj.core.groups.Tuple.tuple("PUT", 200, origin));
		assertThat(this.exchanges.reached).contains("GET /api/profile", "PUT /api/notes")
			.doesNotContain("OPTIONS /api/notes");
	}

	@Test
	void disallowedOriginIsBlockedByTheBrowser() throws Exception {
		String origin = "http://127.0.0.1:" + pages.getAddress().getPort();
		Map<String, Object> result = load(origin);
		assertThat(result.get("get")).isEqualTo(Map.of("error", "TypeError"));
		assertThat(result.get("put")).isEqualTo(Map.of("error", "TypeError"));
		List<Exchange> answered = this.exchanges.answered.stream()
			.filter((exchange) -> origin.equals(exchange.origin()))
			.toList();
		assertThat(answered).extracting(Exchange::method, Exchange::status)
			.contains(org.assertj.core.groups.Tuple.tuple("GET", 200),
					org.assertj.core.groups.Tuple.tuple("OPTIONS", 403));
		assertThat(answered).allSatisfy((exchange) -> assertThat(exchange.corsHeaders()).isEmpty());
		assertThat(this.exchanges.reached).doesNotContain("PUT /api/notes");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> load(String pageOrigin) throws Exception {
		String url = pageOrigin + "/page?app=http://localhost:" + this.port;
		List<String> command = new ArrayList<>(List.of(EnabledIfChromium.PATH, "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--user-data-dir=" + this.profile.resolve("chromium"),
				"--virtual-time-budget=5000", "--dump-dom", url));
		Path dom = this.profile.resolve("dom.html");
		Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
			chromium.destroyForcibly();
			throw new AssertionError("Chromium did not finish loading " + url);
		}
		String html = Files.readString(dom);
		Matcher matcher = RESULT.matcher(html);
		assertThat(matcher.find()).as("the page's result in %s", html).isTrue();
		return json.readValue(matcher.group(1).replace("&quot;", "\""), Map.class);
	}

	private static String page(String app) {
		return """
				<!doctype html>
				<html><body><pre id="result">pending</pre>
				<script>
				const app = '%s';
				async function call(url, init, read) {
				  try {
				    const response = await fetch(url, init);
				    return Object.assign({ status: response.status }, await read(response));
				  } catch (e) {
				    return { error: e.name };
				  }
				}
				(async () => {
				  const result = {};
				  result.get = await call(app + '/api/profile', { credentials: 'include' },
				      async (r) => { const body = await r.json(); return { name: body.name, cookie: body.cookie }; });
				  result.put = await call(app + '/api/notes', { method: 'PUT', credentials: 'include',
				      headers: { 'Content-Type': 'application/json', 'X-Client': 'browser' }, body: '{}' },
				      async (r) => ({ noteId: r.headers.get('X-Note-Id') }));
				  document.getElementById('result').textContent = JSON.stringify(result);
				})();
				</script></body></html>
				""".formatted(app);
	}

}
