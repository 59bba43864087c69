package dev.plugboard.autoconfigure.ipfilter;

import java.io.IOException;
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
 * The {@code ip-filter} built-in over real HTTP: the test client connects from 127.0.0.1,
 * which is also the trusted proxy, so X-Forwarded-For decides who the client is.
 */
@SpringBootTest(classes = IpFilterTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.ip-filter.trusted-proxies[0]=127.0.0.1",
				"plugboard.plugins.ip-filter.rules[0].paths[0]=/private",
				"plugboard.plugins.ip-filter.rules[0].allow[0]=10.0.0.0/8",
				"plugboard.plugins.ip-filter.rules[0].allow[1]=::1",
				"plugboard.plugins.ip-filter.rules[1].paths[0]=/blocked",
				"plugboard.plugins.ip-filter.rules[1].deny[0]=127.0.0.0/8",
				"plugboard.plugins.ip-filter.rules[1].deny[1]=2001:db8::/32" })
class IpFilterIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void unguardedPathServesEveryone() throws Exception {
		assertThat(get("/public", null).statusCode()).isEqualTo(200);
	}

	@Test
	void allowListedClientBehindTheProxyIsServed() throws Exception {
		HttpResponse<String> response = get("/private", "203.0.113.1, 10.9.8.7");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	@Test
	void clientOutsideTheAllowListGetsAProblem() throws Exception {
		HttpResponse<String> response = get("/private", "10.9.8.7, 203.0.113.1");
		BuiltInTesting.assertProblem(response, 403, "ip-filter");
		assertThat(response.body()).contains("\"code\":\"ip-not-allowed\"").contains("203.0.113.1");
		assertThat(get("/private", null).statusCode()).isEqualTo(403);
	}

	@Test
	void deniedRangesAreRefused() throws Exception {
		HttpResponse<String> direct = get("/blocked", null);
		BuiltInTesting.assertProblem(direct, 403, "ip-filter");
		assertThat(direct.body()).contains("\"code\":\"ip-denied\"");
		assertThat(get("/blocked", "2001:DB8::1").statusCode()).isEqualTo(403);
		assertThat(get("/blocked", "198.51.100.1").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String forwardedFor) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
