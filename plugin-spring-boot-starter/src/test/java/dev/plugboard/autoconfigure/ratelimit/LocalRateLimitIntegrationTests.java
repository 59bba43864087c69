package dev.plugboard.autoconfigure.ratelimit;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.plugboard.autoconfigure.aggregate.BuiltInTesting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rate-limit} built-in with the local backend over real HTTP: concurrent
 * clients together never get more than the bucket's tokens.
 */
@SpringBootTest(classes = RateLimitTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "plugboard.plugins.rate-limit.policies[0].name=limited",
				"plugboard.plugins.rate-limit.policies[0].paths[0]=/limited",
				"plugboard.plugins.rate-limit.policies[0].capacity=25",
				"plugboard.plugins.rate-limit.policies[0].refill-period=1d",
				"plugboard.plugins.rate-limit.policies[1].name=rejecting",
				"plugboard.plugins.rate-limit.policies[1].paths[0]=/api/**",
				"plugboard.plugins.rate-limit.policies[1].capacity=1",
				"plugboard.plugins.rate-limit.policies[1].refill-period=1h" })
class LocalRateLimitIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void concurrentClientsNeverGetMoreThanTheCapacity() throws Exception {
		List<Integer> statuses = RateLimitTestApplication.hammer(8, 10, "http://127.0.0.1:" + this.port + "/limited");
		assertThat(statuses).hasSize(80).containsOnly(200, 429);
		assertThat(statuses.stream().filter((status) -> status == 200).count()).isEqualTo(25);
	}

	@Test
	void rejectionIsAProblemWithRetryAfterAndRateLimitHeaders() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> admitted = RateLimitTestApplication.get(http, url("/api/items"));
		assertThat(admitted.statusCode()).isEqualTo(200);
		assertThat(admitted.headers().firstValue("RateLimit-Policy")).hasValue("\"rejecting\";q=1;w=3600");
		assertThat(admitted.headers().firstValue("RateLimit")).hasValue("\"rejecting\";r=0;t=3600");
		HttpResponse<String> rejected = RateLimitTestApplication.get(http, url("/api/items"));
		BuiltInTesting.assertProblem(rejected, 429, "rate-limit");
		assertThat(rejected.body()).contains("\"code\":\"rate-limited\"");
		assertThat(rejected.headers().firstValue("Retry-After")).hasValue("3600");
		assertThat(rejected.headers().firstValue("RateLimit-Policy")).hasValue("\"rejecting\";q=1;w=3600");
		assertThat(rejected.headers().firstValue("RateLimit")).hasValue("\"rejecting\";r=0;t=3600");
	}

	@Test
	void pathsNoPolicyMatchesAreNotLimited() throws Exception {
		HttpResponse<String> free = RateLimitTestApplication.get(HttpClient.newHttpClient(), url("/free"));
		assertThat(free.statusCode()).isEqualTo(200);
		assertThat(free.headers().firstValue("RateLimit")).isEmpty();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
