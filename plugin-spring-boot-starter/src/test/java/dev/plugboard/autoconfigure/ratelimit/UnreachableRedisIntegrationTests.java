package dev.plugboard.autoconfigure.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rate-limit} built-in pointed at a Redis that is not there (a closed port):
 * the application starts and serves, and on-error decides between admitting and 503.
 */
class UnreachableRedisIntegrationTests {

	@Test
	void failOpenAdmitsEveryRequestUnlimited() throws Exception {
		try (ConfigurableApplicationContext context = start("fail-open")) {
			HttpClient http = HttpClient.newHttpClient();
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> response = RateLimitTestApplication.get(http, url(context, "/limited"));
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("RateLimit")).isEmpty();
			}
		}
	}

	@Test
	void failClosedAnswers503ProblemsOnLimitedPathsAndServesTheRest() throws Exception {
		try (ConfigurableApplicationContext context = start("fail-closed")) {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> refused = RateLimitTestApplication.get(http, url(context, "/limited"));
			BuiltInTesting.assertProblem(refused, 503, "rate-limit");
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(RateLimitTestApplication.get(http, url(context, "/free")).statusCode()).isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext start(String onError) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		return new SpringApplication(RateLimitTestApplication.class).run("--server.port=0",
				"--spring.jmx.enabled=false", "--plugboard.plugins.rate-limit.backend=redis",
				"--plugboard.plugins.rate-limit.on-error=" + onError,
				"--plugboard.plugins.rate-limit.redis.url=redis://127.0.0.1:" + closedPort,
				"--plugboard.plugins.rate-limit.redis.connect-timeout=200ms",
				"--plugboard.plugins.rate-limit.policies[0].name=limited",
				"--plugboard.plugins.rate-limit.policies[0].paths[0]=/limited",
				"--plugboard.plugins.rate-limit.policies[0].capacity=1",
				"--plugboard.plugins.rate-limit.policies[0].refill-period=1h");
	}

	private static String url(ConfigurableApplicationContext context, String path) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
	}

}
