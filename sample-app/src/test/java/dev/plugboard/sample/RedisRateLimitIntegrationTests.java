package dev.plugboard.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample with the {@code redis} profile, sharing the machine's
 * Redis: hammered together from concurrent clients, they admit no more requests to the
 * actuator than its one limit of thirty a minute allows.
 */
@EnabledIfRedis
class RedisRateLimitIntegrationTests {

	@Test
	void twoInstancesTogetherAdmitNoMoreThanOneLimit() throws Exception {
		String prefix = "plugboard-sample-test:" + UUID.randomUUID() + ":";
		try (ConfigurableApplicationContext first = start(prefix);
				ConfigurableApplicationContext second = start(prefix)) {
			List<String> urls = List.of(url(first), url(second));
			HttpClient http = HttpClient.newHttpClient();
			ExecutorService pool = Executors.newFixedThreadPool(6);
			try {
				List<Callable<Integer>> requests = new ArrayList<>();
				for (int i = 0; i < 80; i++) {
					String url = urls.get(i % 2);
					requests.add(() -> http
						.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
						.statusCode());
				}
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> status : pool.invokeAll(requests)) {
					statuses.add(status.get());
				}
				assertThat(statuses).containsOnly(200, 429);
				assertThat(statuses.stream().filter((status) -> status == 200).count()).isEqualTo(30);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private static ConfigurableApplicationContext start(String prefix) {
		return new SpringApplication(SampleApplication.class).run("--spring.profiles.active=redis", "--server.port=0",
				"--spring.jmx.enabled=false", "--plugboard.plugins.rate-limit.on-error=fail-closed",
				"--plugboard.plugins.rate-limit.redis.key-prefix=" + prefix,
				"--plugboard.plugins.rate-limit.redis.timeout=10s");
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()
				+ "/actuator/health";
	}

}
